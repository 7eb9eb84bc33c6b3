import { Injectable } from '@nestjs/common';
import { webhookStreamId, type CommandReply, type RotateWebhookSecretRequest, type WebhookResult } from '@keyward/contracts';
import { decideWebhook, webhookDecider } from '@keyward/domain';
import { CommandHandler } from '../commands/command.handler';
import { webhookReply } from './webhook-payload';

/** Not retried on a conflict: of two rotations at once, the caller of the one refused must know its secret was not kept. */
@Injectable()
export class RotateWebhookSecretHandler {
  constructor(private readonly commands: CommandHandler) {}

  async execute({ context, ...request }: RotateWebhookSecretRequest): Promise<CommandReply<WebhookResult>> {
    const outcome = await this.commands.handle(webhookStreamId(request.webhookId), webhookDecider, context, (state, now) =>
      decideWebhook({ type: 'RotateWebhookSecret', ...request, workspaceId: context.workspaceId }, state, now),
    );
    return webhookReply(outcome);
  }
}
