import type { DomainEvent, EventMetadata } from '@keyward/contracts';
import type { RecordedEvent } from '../event-store.port';

/** A row as `pg` returns it: xid8 and bigint arrive as strings, kept exact through BigInt. */
export interface EventRow {
  readonly position_prepare: string;
  readonly position_commit: string;
  readonly stream_id: string;
  readonly stream_version: string;
  readonly event_id: string;
  readonly type: string;
  readonly data: unknown;
  readonly metadata: EventMetadata;
  readonly recorded_at: Date;
}

/**
 * Text casts get names of their own: under its own name, `transaction_id::text` would be what an
 * `ORDER BY transaction_id` sorts by, as text, putting 10000 before 9999.
 */
export const EVENT_COLUMNS =
  'global_position::text AS position_prepare, transaction_id::text AS position_commit, stream_id, stream_version::text AS stream_version, event_id, type, data, metadata, recorded_at';

export const rowToRecordedEvent = (row: EventRow): RecordedEvent =>
  ({
    eventId: row.event_id,
    type: row.type,
    data: row.data,
    metadata: row.metadata,
    streamId: row.stream_id,
    streamVersion: BigInt(row.stream_version),
    position: { commit: BigInt(row.position_commit), prepare: BigInt(row.position_prepare) },
    recordedAt: row.recorded_at,
  }) satisfies RecordedEvent<DomainEvent>;
