import type { Pool } from 'pg';
import type { RecordedEvent } from '../event-store.port';
import type { Position } from '../position';
import { EVENT_COLUMNS, rowToRecordedEvent, type EventRow } from './event-row';
import type { EventTables } from './event-store.schema';

/**
 * Events after `after` in global order, never skipping one. A sequence number alone is not
 * enough: a transaction that drew number 10 may commit after one that drew 11. So only events of
 * transactions older than every transaction still running (`pg_snapshot_xmin`) are handed out,
 * ordered by (transaction id, sequence): nothing can later appear before the last one read.
 */
export const readAll = async (pool: Pool, tables: EventTables, after: Position | undefined, maxCount: number): Promise<RecordedEvent[]> => {
  const { rows } = await pool.query<EventRow>(
    `SELECT ${EVENT_COLUMNS} FROM ${tables.events}
     WHERE transaction_id < pg_snapshot_xmin(pg_current_snapshot())
       AND (transaction_id, global_position) > ($1::text::xid8, $2::bigint)
     ORDER BY ${tables.events}.transaction_id, ${tables.events}.global_position
     LIMIT $3`,
    [(after?.commit ?? 0n).toString(), (after?.prepare ?? 0n).toString(), maxCount],
  );
  return rows.map(rowToRecordedEvent);
};
