import type { Pool } from 'pg';
import type { EventFilter } from '../event-filter';
import type { RecordedEvent } from '../event-store.port';
import type { Position } from '../position';
import { EVENT_COLUMNS, rowToRecordedEvent, type EventRow } from './event-row';
import type { EventTables } from './event-store.schema';

/** Each filter field as a condition on a numbered parameter; `workspaceId` matches the workspace index's expression. */
const filterConditions = (filter: EventFilter, firstParameter: number): { readonly sql: string; readonly values: readonly string[] } => {
  const conditions: string[] = [];
  const values: string[] = [];
  const add = (condition: string, value: string): void => {
    values.push(value);
    conditions.push(condition.replace('?', `$${firstParameter + values.length - 1}`));
  };
  if (filter.workspaceId !== undefined) add(`(metadata->>'workspaceId') = ?`, filter.workspaceId);
  if (filter.streamId !== undefined) add('stream_id = ?', filter.streamId);
  if (filter.type !== undefined) add('type = ?', filter.type);
  if (filter.actor !== undefined) add(`(metadata->>'actor') = ?`, filter.actor);
  if (filter.from !== undefined) add(`(metadata->>'occurredAt')::timestamptz >= ?::timestamptz`, filter.from.toISOString());
  if (filter.to !== undefined) add(`(metadata->>'occurredAt')::timestamptz < ?::timestamptz`, filter.to.toISOString());
  return { sql: conditions.map((c) => `AND ${c}`).join(' '), values };
};

/**
 * Events after `after` in global order, never skipping one. A sequence number alone is not
 * enough: a transaction that drew number 10 may commit after one that drew 11. So only events of
 * transactions older than every transaction still running (`pg_snapshot_xmin`) are handed out,
 * ordered by (transaction id, sequence): nothing can later appear before the last one read.
 * A filter only narrows what is handed out, so a filtered page never ends past such a hole either.
 * The query stands on its own so that a test can ask PostgreSQL for its plan.
 */
export const readAllQuery = (tables: EventTables, after: Position | undefined, maxCount: number, filter: EventFilter = {}): { readonly text: string; readonly values: readonly unknown[] } => {
  const conditions = filterConditions(filter, 4);
  return {
    text: `SELECT ${EVENT_COLUMNS} FROM ${tables.events}
     WHERE transaction_id < pg_snapshot_xmin(pg_current_snapshot())
       AND (transaction_id, global_position) > ($1::text::xid8, $2::bigint)
       ${conditions.sql}
     ORDER BY ${tables.events}.transaction_id, ${tables.events}.global_position
     LIMIT $3`,
    values: [(after?.commit ?? 0n).toString(), (after?.prepare ?? 0n).toString(), maxCount, ...conditions.values],
  };
};

export const readAll = async (pool: Pool, tables: EventTables, after: Position | undefined, maxCount: number, filter: EventFilter = {}): Promise<RecordedEvent[]> => {
  const query = readAllQuery(tables, after, maxCount, filter);
  const { rows } = await pool.query<EventRow>(query.text, [...query.values]);
  return rows.map(rowToRecordedEvent);
};
