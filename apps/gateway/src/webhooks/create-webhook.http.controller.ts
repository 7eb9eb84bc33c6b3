import { Body, HttpCode, Inject, Post, Res } from '@nestjs/common';
import { ApiCreatedResponse } from '@nestjs/swagger';
import type { Response } from 'express';
import { ErrorCodes, Subjects, type CommandContext, type CreateWebhookRequest, type WebhookWithSecretView } from '@keyward/contracts';
import { newWebhookId } from '@keyward/domain';
import type { OutboundPolicy } from '@keyward/outbound';
import { WebhookQueries } from '@keyward/read-models';
import { OUTBOUND_POLICY } from '../credentials/send-request/outbound-policy.provider';
import { RequirePermission } from '../auth/require-permission.decorator';
import { ApiErrors } from '../errors/api-errors.decorator';
import { AdminController } from '../http/admin-controller.decorator';
import { CommandCtx } from '../http/command-context.decorator';
import { CreateWebhookRequestDto } from './webhook.request.dto';
import { WebhookWithSecretDto } from './webhook.response.dto';
import { WebhookSecrets } from './webhook-secrets';
import { refuseUnsendableScheme } from './webhook-url.policy';
import { WebhookWriter } from './webhook.writer';

@AdminController('webhooks', 'v1/webhooks')
export class CreateWebhookHttpController {
  constructor(
    private readonly secrets: WebhookSecrets,
    private readonly writer: WebhookWriter,
    private readonly webhooks: WebhookQueries,
    @Inject(OUTBOUND_POLICY) private readonly policy: OutboundPolicy,
  ) {}

  /** The id is drawn here because the sealed secret is bound to it; the secret is answered this once. */
  @Post()
  @HttpCode(201)
  @RequirePermission('webhooks:write')
  @ApiCreatedResponse({ type: WebhookWithSecretDto, description: 'the endpoint and its signing secret, shown this once' })
  @ApiErrors(ErrorCodes.conflict)
  async create(@Body() body: CreateWebhookRequestDto, @CommandCtx() context: CommandContext, @Res({ passthrough: true }) response: Response): Promise<WebhookWithSecretView> {
    refuseUnsendableScheme(body.url, this.policy);
    const webhookId = newWebhookId();
    const { secret, sealedSecret } = await this.secrets.issue(webhookId, context.workspaceId);
    const request: CreateWebhookRequest = {
      context,
      webhookId,
      url: body.url,
      events: body.events,
      sealedSecret,
      // The read model's count: a create racing another may pass the cap by one, never by many.
      workspaceWebhooks: (await this.webhooks.list(context.workspaceId)).length,
      ...(body.description !== undefined ? { description: body.description } : {}),
    };
    const webhook = await this.secrets.creating(webhookId, () => this.writer.write(Subjects.webhookCommand.create, request, response));
    return { ...webhook, secret };
  }
}
