import { Injectable } from '@nestjs/common';
import { webhookStreamId, type CommandReply, type DeleteWebhookRequest, type DeleteWebhookResult } from '@keyward/contracts';
import { decideWebhook, webhookDecider } from '@keyward/domain';
import { CommandHandler } from '../commands/command.handler';
import { decidedEvent } from '../commands/decided-event';

/** Safe to retry on a conflict: the webhook ends deleted whatever changed meanwhile. */
const RETRIES_ON_CONFLICT = 3;

@Injectable()
export class DeleteWebhookHandler {
  constructor(private readonly commands: CommandHandler) {}

  async execute({ context, webhookId }: DeleteWebhookRequest): Promise<CommandReply<DeleteWebhookResult>> {
    const { position, events } = await this.commands.handle(
      webhookStreamId(webhookId),
      webhookDecider,
      context,
      (state, now) => decideWebhook({ type: 'DeleteWebhook', webhookId, workspaceId: context.workspaceId }, state, now),
      { retriesOnConflict: RETRIES_ON_CONFLICT },
    );
    const deleted = decidedEvent(events, 'WebhookDeleted');
    return { ok: true, position, result: { id: webhookId, deletedAt: deleted.data.deletedAt } };
  }
}
