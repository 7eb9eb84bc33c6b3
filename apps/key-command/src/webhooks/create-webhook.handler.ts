import { Injectable } from '@nestjs/common';
import { webhookStreamId, type CommandReply, type CreateWebhookRequest, type WebhookResult } from '@keyward/contracts';
import { decideWebhook, webhookDecider } from '@keyward/domain';
import { CommandHandler } from '../commands/command.handler';
import { webhookReply } from './webhook-payload';

/** The gateway drew the id (the seal is bound to it), so a stream that exists already is a CONFLICT. */
@Injectable()
export class CreateWebhookHandler {
  constructor(private readonly commands: CommandHandler) {}

  async execute({ context, ...request }: CreateWebhookRequest): Promise<CommandReply<WebhookResult>> {
    const outcome = await this.commands.handle(webhookStreamId(request.webhookId), webhookDecider, context, (state, now) =>
      decideWebhook({ type: 'CreateWebhook', ...request, workspaceId: context.workspaceId }, state, now),
    );
    return webhookReply(outcome);
  }
}
