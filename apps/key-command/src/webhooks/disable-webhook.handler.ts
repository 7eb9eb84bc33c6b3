import { Injectable } from '@nestjs/common';
import { webhookStreamId, type CommandReply, type DisableWebhookRequest, type DisableWebhookResult } from '@keyward/contracts';
import { decideWebhook, webhookDecider } from '@keyward/domain';
import { CommandHandler } from '../commands/command.handler';

/** Safe to retry on a conflict: the endpoint ends disabled (or deleted) whatever changed meanwhile. */
const RETRIES_ON_CONFLICT = 3;

/** The webhook sender's, once an endpoint failed for the whole retry period: one home for the decision and its append. */
@Injectable()
export class DisableWebhookHandler {
  constructor(private readonly commands: CommandHandler) {}

  async execute({ context, webhookId, reason }: DisableWebhookRequest): Promise<CommandReply<DisableWebhookResult>> {
    const { position, events } = await this.commands.handle(
      webhookStreamId(webhookId),
      webhookDecider,
      context,
      (state, now) => decideWebhook({ type: 'DisableWebhook', webhookId, workspaceId: context.workspaceId, reason }, state, now),
      { retriesOnConflict: RETRIES_ON_CONFLICT },
    );
    return { ok: true, position, result: { id: webhookId, disabled: events.length > 0 } };
  }
}
