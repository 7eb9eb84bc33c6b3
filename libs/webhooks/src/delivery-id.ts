import { createHash } from 'node:crypto';

/**
 * The `webhook-id` of the delivery of one history event to one endpoint: derived from both, so an
 * event enqueued again (a batch redone after a crash) is the same delivery, and the receiver sees
 * the same id on every try.
 */
export const deliveryId = (webhookId: string, eventId: string): string => `msg_${createHash('sha256').update(`${webhookId}:${eventId}`).digest('hex').slice(0, 32)}`;
