import type { Pool } from 'pg';
import type { ReadStreamResult } from '../event-store.port';
import { EVENT_COLUMNS, rowToRecordedEvent, type EventRow } from './event-row';
import type { EventTables } from './event-store.schema';

export const readStream = async (pool: Pool, tables: EventTables, streamId: string): Promise<ReadStreamResult> => {
  const { rows } = await pool.query<EventRow>(`SELECT ${EVENT_COLUMNS} FROM ${tables.events} WHERE stream_id = $1 ORDER BY ${tables.events}.stream_version`, [streamId]);
  const events = rows.map(rowToRecordedEvent);
  return { currentVersion: events.length ? events[events.length - 1].streamVersion : null, events };
};
