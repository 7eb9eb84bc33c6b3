import { WebhookEventTypes, type WebhookEventType } from '@keyward/contracts';
import { validationError } from '../domain.error';
import { validDescription } from '../names';

export const MAX_WEBHOOK_URL_LENGTH = 2048;
export const MAX_WEBHOOK_DESCRIPTION_LENGTH = 500;
/** Endpoints one workspace may have: each costs the sender a slot in its queue scan and its tries. */
export const MAX_WEBHOOKS_PER_WORKSPACE = 20;

/**
 * An absolute http(s) URL with a host and no user info, as WHATWG URL writes it, the host's
 * trailing dot dropped (`example.com.` is `example.com`, and the outbound guard compares hosts
 * without it). Whether its address may be reached is the sender's guard to decide at each
 * delivery (DNS can change).
 */
export const validWebhookUrl = (raw: string): string => {
  if (raw.length > MAX_WEBHOOK_URL_LENGTH) throw validationError('url', `url must be at most ${MAX_WEBHOOK_URL_LENGTH} characters`);
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw validationError('url', 'url must be an absolute URL');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw validationError('url', 'url must be https or http');
  if (url.username !== '' || url.password !== '') throw validationError('url', 'url must not carry a user name or password');
  if (url.hostname.endsWith('.')) url.hostname = url.hostname.replace(/\.+$/, '');
  if (url.hostname === '' || url.hostname.endsWith('.')) throw validationError('url', 'url must name a host');
  url.hash = '';
  return url.toString();
};

const KNOWN_TYPES = new Set<string>(WebhookEventTypes);
const isWebhookEventType = (value: string): value is WebhookEventType => KNOWN_TYPES.has(value);

/** At least one known type; repeats collapse; kept in the catalogue's order so equal sets compare equal. */
export const validWebhookEvents = (raw: readonly string[]): WebhookEventType[] => {
  if (raw.length === 0) throw validationError('events', 'events must name at least one event type');
  const unknown = raw.find((type) => !isWebhookEventType(type));
  if (unknown !== undefined) throw validationError('events', `events must be among ${WebhookEventTypes.join(', ')}`);
  return WebhookEventTypes.filter((type) => raw.includes(type));
};

export const validWebhookDescription = (raw: string | undefined): string => validDescription(raw, 'description', MAX_WEBHOOK_DESCRIPTION_LENGTH);
