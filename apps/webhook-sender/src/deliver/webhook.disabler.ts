import { randomUUID } from 'node:crypto';
import type { NatsConnection } from 'nats';
import { ErrorCodes, Subjects, type DisableWebhookRequest, type DisableWebhookResult } from '@keyward/contracts';
import { decodeCommandReply, encodeCommandMessage } from '@keyward/platform';
import type { WebhookDisabler } from '@keyward/webhooks';

const COMMAND_TIMEOUT_MS = 5_000;

/**
 * `keyward.v1.webhooks.disable` to key-command, as the sender's one write: actor `system`, no
 * grants, the failed delivery as causation. An endpoint deleted meanwhile needs nothing; anything
 * else unanswered throws, and the delivery stays marked for the next look.
 */
export const natsWebhookDisabler =
  (nats: NatsConnection): WebhookDisabler =>
  async (webhookId, workspaceId, reason, causationId) => {
    const request: DisableWebhookRequest = {
      context: { workspaceId, actor: 'system', correlationId: randomUUID(), causationId, grants: [], operator: false },
      webhookId,
      reason,
    };
    const answer = await nats.request(Subjects.webhookCommand.disable, encodeCommandMessage(request), { timeout: COMMAND_TIMEOUT_MS });
    const reply = decodeCommandReply(answer.data);
    if (reply.ok) return (reply.result as DisableWebhookResult).disabled;
    if (reply.error.code === ErrorCodes.webhookNotFound) return false;
    throw new Error(`disabling webhook ${webhookId}: ${reply.error.code}`);
  };
