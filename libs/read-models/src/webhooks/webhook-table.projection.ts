import { isWebhookEvent, type WebhookEvent } from '@keyward/contracts';
import type { RecordedEvent } from '@keyward/event-store';
import type { RowChange } from '../row-change';
import { WebhookRow } from './webhook-row.entity';

/** What a webhook event does to the webhook table. Values come from the event, never the clock. */
const webhookChange = (event: RecordedEvent<WebhookEvent>): RowChange<WebhookRow> => {
  switch (event.type) {
    case 'WebhookCreated': {
      const d = event.data;
      const createdAt = new Date(d.createdAt);
      return {
        kind: 'insert',
        row: { id: d.webhookId, workspaceId: d.workspaceId, url: d.url, events: [...d.events], description: d.description, enabled: true, disabledReason: null, createdAt, secretRotatedAt: null, updatedAt: createdAt },
      };
    }
    case 'WebhookChanged': {
      const d = event.data;
      const set = { url: d.url, events: [...d.events], description: d.description, enabled: d.enabled, updatedAt: new Date(d.changedAt) };
      // As the domain's evolve: the sender's reason stays only while the endpoint stays disabled.
      return { kind: 'update', where: { id: d.webhookId, workspaceId: d.workspaceId }, set: d.enabled ? { ...set, disabledReason: null } : set };
    }
    case 'WebhookSecretRotated': {
      const d = event.data;
      const rotatedAt = new Date(d.rotatedAt);
      return { kind: 'update', where: { id: d.webhookId, workspaceId: d.workspaceId }, set: { secretRotatedAt: rotatedAt, updatedAt: rotatedAt } };
    }
    case 'WebhookDisabled': {
      const d = event.data;
      return { kind: 'update', where: { id: d.webhookId, workspaceId: d.workspaceId }, set: { enabled: false, disabledReason: d.reason, updatedAt: new Date(d.disabledAt) } };
    }
    case 'WebhookDeleted':
      // The projector shreds the secret's data key in the same transaction (apps/projector).
      return { kind: 'delete', where: { id: event.data.webhookId, workspaceId: event.data.workspaceId } };
  }
};

/** What an event does to the webhook table: nothing unless it is a webhook event. */
export const webhookTableChanges = (event: RecordedEvent): RowChange<WebhookRow>[] => (isWebhookEvent(event) ? [webhookChange(event)] : []);
