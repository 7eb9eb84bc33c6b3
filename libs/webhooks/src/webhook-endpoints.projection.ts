import type { EntityManager } from 'typeorm';
import { isWebhookEvent, type WebhookEvent } from '@keyward/contracts';
import type { RecordedEvent } from '@keyward/event-store';

/**
 * The sender's own list of endpoints, at the position it has followed the history to: which
 * event types each wants and whether it is on. Kept in the sender's transaction, so the
 * endpoints an event is enqueued for are those of that moment in the history, however far
 * behind or ahead the read models are. Replaying an event changes nothing.
 */
const applyWebhookEvent = async (manager: EntityManager, event: WebhookEvent): Promise<void> => {
  switch (event.type) {
    case 'WebhookCreated': {
      const d = event.data;
      await manager.query(`INSERT INTO webhook_endpoints (webhook_id, workspace_id, events, enabled) VALUES ($1, $2, $3, true) ON CONFLICT (webhook_id) DO NOTHING`, [
        d.webhookId,
        d.workspaceId,
        JSON.stringify(d.events),
      ]);
      return;
    }
    case 'WebhookChanged': {
      const d = event.data;
      await manager.query(`UPDATE webhook_endpoints SET events = $2, enabled = $3 WHERE webhook_id = $1`, [d.webhookId, JSON.stringify(d.events), d.enabled]);
      return;
    }
    case 'WebhookDisabled':
      await manager.query(`UPDATE webhook_endpoints SET enabled = false WHERE webhook_id = $1`, [event.data.webhookId]);
      return;
    case 'WebhookDeleted':
      // Its queued and past deliveries (payloads included) go with it; their attempts cascade.
      await manager.query(`DELETE FROM webhook_deliveries WHERE webhook_id = $1`, [event.data.webhookId]);
      await manager.query(`DELETE FROM webhook_endpoints WHERE webhook_id = $1`, [event.data.webhookId]);
      return;
    case 'WebhookSecretRotated':
      return;
  }
};

export const followWebhookEndpoints = async (manager: EntityManager, event: RecordedEvent): Promise<void> => {
  if (isWebhookEvent(event)) await applyWebhookEvent(manager, event);
};
