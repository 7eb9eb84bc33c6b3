import type { EventMetadata } from './events/domain-event';
import type { PositionToken } from './position-token';

/** What an auditor sees of an event's metadata (product.md section 6): never the idempotency bookkeeping. */
export type AuditMetadataView = Pick<EventMetadata, 'actor' | 'correlationId' | 'causationId' | 'occurredAt' | 'sourceIp' | 'userAgent' | 'schemaVersion'>;

/** One event of the history as `GET /v1/audit/events` and `GET /v1/keys/:id/history` show it; no secret hash. */
export interface AuditEventView {
  /** Its place in the global order; also a cursor (`after`) for the events that follow it. */
  readonly position: PositionToken;
  readonly streamId: string;
  readonly type: string;
  readonly data: unknown;
  readonly metadata: AuditMetadataView;
  /** Its link of the hash chain (section 9.6), hex; `null` until the chain's follower has reached it. */
  readonly hash: string | null;
}

export interface AuditEventPage {
  readonly items: readonly AuditEventView[];
  /** Where the next page starts; `null` when this page reached what is safe to read now (ask again later for more). */
  readonly nextCursor: PositionToken | null;
}
