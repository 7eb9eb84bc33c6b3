import type { CredentialDeletedData, KeyLeakReportedData, KeyRevokedData, WebhookEventType } from '@keyward/contracts';
import type { RecordedEvent } from '@keyward/event-store';

/** What one history event tells the endpoints of its workspace, as Standard Webhooks lays a payload out. */
export interface WebhookNotification {
  readonly workspaceId: string;
  readonly type: WebhookEventType;
  /** The JSON body sent: `{ type, timestamp, data }`; never a secret, a hash or a sealed value. */
  readonly payload: string;
}

/** A payload's data: ids, times and settings only. */
export type WebhookPayloadData = Readonly<Record<string, string | number | null | undefined>>;

/** The JSON body of a delivery, whatever its source (a history event, a reminder, a rate-limit notice). */
export const webhookPayload = (type: WebhookEventType, timestamp: string, data: WebhookPayloadData): string => JSON.stringify({ type, timestamp, data });

const notification = (event: RecordedEvent, type: WebhookEventType, timestamp: string, data: Readonly<Record<string, string | undefined>>): WebhookNotification => ({
  workspaceId: event.metadata.workspaceId,
  type,
  payload: webhookPayload(type, timestamp, { ...data, eventId: event.eventId }),
});

/**
 * The webhook event type a history event maps to, with its payload; `undefined` for the events no
 * endpoint is told about. Matched by type name and data shape, so that an event written by a
 * newer or an older writer is read the same way (`KeyLeakReported` comes from slice i13-leaks).
 */
export const webhookNotificationOf = (event: RecordedEvent): WebhookNotification | undefined => {
  switch (event.type) {
    case 'KeyRevoked': {
      const d = event.data as KeyRevokedData;
      return notification(event, 'key.revoked', d.revokedAt, { keyId: d.keyId, workspaceId: event.metadata.workspaceId, revokedAt: d.revokedAt, actor: event.metadata.actor });
    }
    case 'KeyLeakReported': {
      const d = event.data as KeyLeakReportedData;
      return notification(event, 'key.leaked', d.reportedAt, { keyId: d.keyId, workspaceId: d.workspaceId, reportId: d.reportId, url: d.url, source: d.source, reportedAt: d.reportedAt });
    }
    case 'CredentialDeleted': {
      const d = event.data as CredentialDeletedData;
      return notification(event, 'credential.deleted', d.deletedAt, { credentialId: d.credentialId, workspaceId: d.workspaceId, deletedAt: d.deletedAt });
    }
    default:
      return undefined;
  }
};
