import type { DueKeyReminder } from '@keyward/domain';
import { noticeId } from '../delivery-id';
import { webhookPayload, type WebhookNotification } from '../webhook-notification';

/** The key a reminder is about, as the key table and its usage show it. */
export interface RemindedKey {
  readonly keyId: string;
  readonly workspaceId: string;
  readonly name: string;
  readonly createdAt: Date;
  readonly expiresAt: Date | null;
  readonly lastUsedAt: Date | null;
}

/** The reminder's id (in the place of an event id): the same reminder found again is the same delivery. */
export const keyReminderId = (keyId: string, reminder: DueKeyReminder): string => noticeId(`${reminder.kind}:${keyId}:${new Date(reminder.forMs).toISOString()}`);

/** The body of a `key.expiring` or `key.stale` delivery: ids, name and times, never a secret. */
export const keyReminderNotification = (key: RemindedKey, reminder: DueKeyReminder, staleAfterDays: number, now: Date): WebhookNotification => {
  const common = { keyId: key.keyId, workspaceId: key.workspaceId, name: key.name };
  const data =
    reminder.kind === 'key.expiring'
      ? { ...common, expiresAt: new Date(reminder.forMs).toISOString() }
      : { ...common, createdAt: key.createdAt.toISOString(), lastUsedAt: key.lastUsedAt?.toISOString() ?? null, staleAfterDays };
  return { workspaceId: key.workspaceId, type: reminder.kind, payload: webhookPayload(reminder.kind, now.toISOString(), data) };
};
