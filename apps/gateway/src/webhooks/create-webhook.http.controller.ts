import { Body, HttpCode, Post, Res } from '@nestjs/common';
import { ApiCreatedResponse } from '@nestjs/swagger';
import type { Response } from 'express';
import { Subjects, type CommandContext, type CreateWebhookRequest, type WebhookWithSecretView } from '@keyward/contracts';
import { newWebhookId } from '@keyward/domain';
import { RequirePermission } from '../auth/require-permission.decorator';
import { AdminController } from '../http/admin-controller.decorator';
import { CommandCtx } from '../http/command-context.decorator';
import { CreateWebhookRequestDto } from './webhook.request.dto';
import { WebhookWithSecretDto } from './webhook.response.dto';
import { WebhookSecrets } from './webhook-secrets';
import { WebhookWriter } from './webhook.writer';

@AdminController('webhooks', 'v1/webhooks')
export class CreateWebhookHttpController {
  constructor(
    private readonly secrets: WebhookSecrets,
    private readonly writer: WebhookWriter,
  ) {}

  /** The id is drawn here because the sealed secret is bound to it; the secret is answered this once. */
  @Post()
  @HttpCode(201)
  @RequirePermission('webhooks:write')
  @ApiCreatedResponse({ type: WebhookWithSecretDto, description: 'the endpoint and its signing secret, shown this once' })
  async create(@Body() body: CreateWebhookRequestDto, @CommandCtx() context: CommandContext, @Res({ passthrough: true }) response: Response): Promise<WebhookWithSecretView> {
    const webhookId = newWebhookId();
    const { secret, sealedSecret } = await this.secrets.issue(webhookId, context.workspaceId);
    const request: CreateWebhookRequest = {
      context,
      webhookId,
      url: body.url,
      events: body.events,
      sealedSecret,
      ...(body.description !== undefined ? { description: body.description } : {}),
    };
    const webhook = await this.secrets.creating(webhookId, () => this.writer.write(Subjects.webhookCommand.create, request, response));
    return { ...webhook, secret };
  }
}
