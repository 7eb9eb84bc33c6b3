import type { EntityManager } from 'typeorm';
import type { RecordedEvent } from '@keyward/event-store';
import { deliveryId } from './delivery-id';
import { followWebhookEndpoints } from './webhook-endpoints.projection';
import { webhookNotificationOf, type WebhookNotification } from './webhook-notification';

/** The sender's checkpoint in `projection_checkpoints`, beside the read models' and the chain's. */
export const WEBHOOK_SENDER_PROJECTION = 'webhook-sender';

/**
 * One batch of the history, in the sender's transaction (the runner moves its checkpoint in the
 * same one): the endpoint list follows the webhook events, and each event an endpoint is told
 * about becomes one pending delivery per enabled endpoint of its workspace that wants its type.
 * Deliveries are keyed by (endpoint, event), so a batch applied twice enqueues nothing twice.
 */
export const enqueueDeliveries = async (manager: EntityManager, events: readonly RecordedEvent[]): Promise<void> => {
  for (const event of events) {
    await followWebhookEndpoints(manager, event);
    const notification = webhookNotificationOf(event);
    if (notification) await enqueueNotification(manager, notification, event.eventId, event.recordedAt);
  }
};

/**
 * One pending delivery of `notification` per enabled endpoint of its workspace that wants its
 * type, as the endpoints stand in the sender's table. `sourceId` names what it tells of (a history
 * event, a reminder): with the endpoint it is the delivery's id, so enqueueing it again adds
 * nothing. Answers how many deliveries were added. The endpoints' rows are locked until this
 * transaction ends: the history follower, the reminder scan and the rate-limit consumer enqueue
 * in transactions of their own, and a delivery's `seq` is drawn at insert but seen at commit, so
 * without the lock a later delivery could be seen (and sent) before an earlier one of the same
 * endpoint. Locked in `webhook_id` order, so two enqueues never wait on each other in a circle.
 */
export const enqueueNotification = async (manager: EntityManager, notification: WebhookNotification, sourceId: string, eventAt: Date): Promise<number> => {
  const endpoints: { webhook_id: string }[] = await manager.query(
    `SELECT webhook_id FROM webhook_endpoints WHERE workspace_id = $1 AND enabled AND events @> jsonb_build_array($2::text) ORDER BY webhook_id FOR UPDATE`,
    [notification.workspaceId, notification.type],
  );
  let added = 0;
  for (const { webhook_id: webhookId } of endpoints) {
    const rows: unknown[] = await manager.query(
      `INSERT INTO webhook_deliveries (id, webhook_id, workspace_id, event_id, event_type, payload, status, event_at, created_at, next_attempt_at)
       VALUES ($1, $2, $3, $4, $5, $6, 'pending', $7, now(), now())
       ON CONFLICT DO NOTHING RETURNING id`,
      [deliveryId(webhookId, sourceId), webhookId, notification.workspaceId, sourceId, notification.type, notification.payload, eventAt],
    );
    added += rows.length;
  }
  return added;
};
