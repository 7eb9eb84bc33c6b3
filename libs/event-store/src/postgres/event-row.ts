import type { DomainEvent, EventMetadata } from '@keyward/contracts';
import type { RecordedEvent } from '../event-store.port';

/** A row as `pg` returns it: xid8 and bigint arrive as strings, kept exact through BigInt. */
export interface EventRow {
  readonly global_position: string;
  readonly transaction_id: string;
  readonly stream_id: string;
  readonly stream_version: string;
  readonly event_id: string;
  readonly type: string;
  readonly data: unknown;
  readonly metadata: EventMetadata;
  readonly recorded_at: Date;
}

export const EVENT_COLUMNS =
  'global_position::text, transaction_id::text, stream_id, stream_version::text, event_id, type, data, metadata, recorded_at';

export const toRecordedEvent = (row: EventRow): RecordedEvent =>
  ({
    eventId: row.event_id,
    type: row.type,
    data: row.data,
    metadata: row.metadata,
    streamId: row.stream_id,
    streamVersion: BigInt(row.stream_version),
    position: { commit: BigInt(row.transaction_id), prepare: BigInt(row.global_position) },
    recordedAt: row.recorded_at,
  }) satisfies RecordedEvent<DomainEvent>;
