import type { EventMetadata } from './events/domain-event';
import type { KeywardEvent } from './events/keyward-event';
import type { JsonValue } from './json-value';
import type { PositionToken } from './position-token';

/** What an auditor sees of an event's metadata (product.md section 6): never the idempotency bookkeeping. */
export type AuditMetadataView = Pick<EventMetadata, 'actor' | 'correlationId' | 'causationId' | 'occurredAt' | 'sourceIp' | 'userAgent' | 'schemaVersion'>;

/**
 * Fields of event data an auditor never sees, whatever the event type: a secret's keyed hash
 * (KeyCreated, KeyRotated) would let anyone holding the pepper test guesses offline; a
 * credential's sealed value (CredentialStored, CredentialValueRotated) is of use to nobody
 * outside the broker, and would outlive its data key in every copy an auditor made; so is a
 * webhook's sealed signing secret (WebhookCreated, WebhookSecretRotated), for the sender alone.
 */
export const HIDDEN_EVENT_DATA_FIELDS = ['secretHash', 'sealedValue', 'sealedSecret'] as const;
type HiddenField = (typeof HIDDEN_EVENT_DATA_FIELDS)[number];

interface AuditEventFields {
  /** Its place in the global order; also a cursor (`after`) for the events that follow it. */
  readonly position: PositionToken;
  readonly streamId: string;
  readonly metadata: AuditMetadataView;
  /** Its link of the hash chain (section 9.6), hex; `null` until the chain's follower has reached it. */
  readonly hash: string | null;
}

/** One of this version's events: its data typed by its type, less the hidden fields. */
export type KnownAuditEventView = KeywardEvent extends infer E
  ? E extends KeywardEvent
    ? AuditEventFields & { readonly type: E['type']; readonly data: Omit<E['data'], HiddenField> }
    : never
  : never;

/**
 * An event a newer writer appended: auditors see the whole history, so it is shown as stored
 * (less the hidden fields), only untyped.
 */
export interface NewerAuditEventView extends AuditEventFields {
  readonly type: string;
  readonly data: JsonValue;
}

/** One event of the history as `GET /v1/audit/events` and `GET /v1/keys/:id/history` show it; no secret hash. */
export type AuditEventView = KnownAuditEventView | NewerAuditEventView;

export interface AuditEventPage {
  readonly items: readonly AuditEventView[];
  /** Where the next page starts; `null` when this page reached what is safe to read now (ask again later for more). */
  readonly nextCursor: PositionToken | null;
}
