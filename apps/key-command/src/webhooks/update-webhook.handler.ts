import { Injectable } from '@nestjs/common';
import { webhookStreamId, type CommandReply, type UpdateWebhookRequest, type WebhookResult } from '@keyward/contracts';
import { decideWebhook, webhookDecider } from '@keyward/domain';
import { CommandHandler } from '../commands/command.handler';
import { webhookReply } from './webhook-payload';

@Injectable()
export class UpdateWebhookHandler {
  constructor(private readonly commands: CommandHandler) {}

  async execute({ context, ...request }: UpdateWebhookRequest): Promise<CommandReply<WebhookResult>> {
    const outcome = await this.commands.handle(webhookStreamId(request.webhookId), webhookDecider, context, (state, now) =>
      decideWebhook({ type: 'UpdateWebhook', ...request, workspaceId: context.workspaceId }, state, now),
    );
    return webhookReply(outcome);
  }
}
