import { HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiOkResponse } from '@nestjs/swagger';
import type { Response } from 'express';
import { ErrorCodes, Subjects, type CommandContext, type WebhookWithSecretView } from '@keyward/contracts';
import { WebhookStateQueries } from '@keyward/read-models';
import { RequirePermission } from '../auth/require-permission.decorator';
import { ApiErrors } from '../errors/api-errors.decorator';
import { AdminController } from '../http/admin-controller.decorator';
import { CommandCtx } from '../http/command-context.decorator';
import { WebhookIdPipe, webhookNotFound } from './webhook-id.pipe';
import { WebhookWithSecretDto } from './webhook.response.dto';
import { WebhookSecrets } from './webhook-secrets';
import { WebhookWriter } from './webhook.writer';

@AdminController('webhooks', 'v1/webhooks')
export class RotateWebhookSecretHttpController {
  constructor(
    private readonly webhooks: WebhookStateQueries,
    private readonly secrets: WebhookSecrets,
    private readonly writer: WebhookWriter,
  ) {}

  /** The new secret signs every try from now on, retries of earlier deliveries included; answered this once. */
  @Post(':id/secret')
  @HttpCode(200)
  @RequirePermission('webhooks:write')
  @ApiOkResponse({ type: WebhookWithSecretDto, description: 'the endpoint and its new signing secret, shown this once' })
  @ApiErrors(ErrorCodes.webhookNotFound)
  async rotate(@Param('id', WebhookIdPipe) webhookId: string, @CommandCtx() context: CommandContext, @Res({ passthrough: true }) response: Response): Promise<WebhookWithSecretView> {
    // Another workspace's webhook gets no seal under its data key, not even one key-command would refuse.
    if (!(await this.webhooks.get(context.workspaceId, webhookId))) throw webhookNotFound();
    const { secret, sealedSecret } = await this.secrets.issue(webhookId, context.workspaceId);
    const webhook = await this.writer.write(Subjects.webhookCommand.rotateSecret, { context, webhookId, sealedSecret }, response);
    return { ...webhook, secret };
  }
}
