import { createHash } from 'node:crypto';

/**
 * The `webhook-id` of the delivery of one history event to one endpoint: derived from both, so an
 * event enqueued again (a batch redone after a crash) is the same delivery, and the receiver sees
 * the same id on every try.
 */
export const deliveryId = (webhookId: string, eventId: string): string => `msg_${createHash('sha256').update(`${webhookId}:${eventId}`).digest('hex').slice(0, 32)}`;

/**
 * The id of a notice no history event causes (a reminder, a rate-limit notice), in the place of an
 * event id: a UUID (version 8, RFC 9562) derived from what the notice is about, so finding it again
 * gives the same id, and with it the same deliveries.
 */
export const noticeId = (about: string): string => {
  const hex = createHash('sha256').update(about).digest('hex');
  const variant = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
};
