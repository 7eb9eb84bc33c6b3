import type { components } from '../../api/schema.generated';

type Webhook = components['schemas']['WebhookView'];
export type WebhookEventType = Webhook['events'][number];
type CreateWebhookRequest = components['schemas']['CreateWebhookRequestDto'];
type UpdateWebhookRequest = components['schemas']['UpdateWebhookRequestDto'];

/**
 * What each event type means, in the API's order (README "Webhooks"). A Record over the API's own
 * union: a type added to or dropped from the OpenAPI document fails the console's build until it is here.
 */
const EVENT_LABELS: Record<WebhookEventType, string> = {
  'key.expiring': 'A key expires soon',
  'key.stale': 'A key has not been used for a while',
  'key.leaked': 'A key is reported leaked',
  'key.revoked': 'A key is revoked',
  'key.rate_limited': 'A key is rate limited',
  'credential.deleted': 'A credential is deleted',
};
export const WEBHOOK_EVENTS = (Object.keys(EVENT_LABELS) as WebhookEventType[]).map((type) => ({ type, label: EVENT_LABELS[type] }));

/** The fields a webhook's form edits; `enabled` on edit only (a new endpoint starts enabled). */
export interface WebhookForm {
  url: string;
  events: WebhookEventType[];
  description: string;
  enabled: boolean;
}

export const webhookFormOf = (webhook?: Webhook): WebhookForm => ({
  url: webhook?.url ?? '',
  events: webhook?.events ?? [],
  description: webhook?.description ?? '',
  enabled: webhook?.enabled ?? true,
});

/** The types chosen, in the catalogue's order (the API keeps that order, so equal sets compare equal). */
const inOrder = (events: readonly WebhookEventType[]): WebhookEventType[] => WEBHOOK_EVENTS.map((e) => e.type).filter((type) => events.includes(type));

export const toggleEvent = (events: readonly WebhookEventType[], type: WebhookEventType): WebhookEventType[] =>
  events.includes(type) ? events.filter((t) => t !== type) : inOrder([...events, type]);

export const createRequestOf = (form: WebhookForm): CreateWebhookRequest => ({
  url: form.url.trim(),
  events: inOrder(form.events),
  description: form.description.trim() || undefined,
});

/** Only what changed (PATCH keeps what is left out), so each change is one event in the endpoint's history. */
export const updateRequestOf = (webhook: Webhook, form: WebhookForm): UpdateWebhookRequest => {
  const request: UpdateWebhookRequest = {};
  const url = form.url.trim();
  if (url !== webhook.url) request.url = url;
  const events = inOrder(form.events);
  if (events.join(',') !== inOrder(webhook.events).join(',')) request.events = events;
  const description = form.description.trim();
  if (description !== webhook.description) request.description = description;
  if (form.enabled !== webhook.enabled) request.enabled = form.enabled;
  return request;
};
