import { Param, Res } from '@nestjs/common';
import type { Response } from 'express';
import { ErrorCodes, Subjects, type CommandContext } from '@keyward/contracts';
import { CommandClient } from '../commands/command.client';
import { AdminController } from '../http/admin-controller.decorator';
import { CommandCtx } from '../http/command-context.decorator';
import { answerWritten } from '../http/consistency.header';
import { DeleteByIdRoute } from '../http/delete-by-id-route.decorator';
import { WebhookIdPipe } from './webhook-id.pipe';
import { WebhookSecrets } from './webhook-secrets';

@AdminController('webhooks', 'v1/webhooks')
export class DeleteWebhookHttpController {
  constructor(
    private readonly commands: CommandClient,
    private readonly secrets: WebhookSecrets,
  ) {}

  /**
   * Destroys the signing secret's data key before answering, as a credential's delete does (the
   * wait for the projector is bounded; its shredding is the backstop); deliveries still queued are dropped.
   */
  @DeleteByIdRoute('webhooks:write', ErrorCodes.webhookNotFound)
  async delete(@Param('id', WebhookIdPipe) webhookId: string, @CommandCtx() context: CommandContext, @Res({ passthrough: true }) response: Response): Promise<void> {
    const written = await this.commands.send(Subjects.webhookCommand.delete, { context, webhookId });
    await this.secrets.destroy(webhookId);
    answerWritten(response, written);
  }
}
