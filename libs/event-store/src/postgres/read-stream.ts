import type { Pool } from 'pg';
import type { DomainEvent } from '@keyward/contracts';
import type { ReadStreamResult } from '../event-store.port';
import { streamOf } from '../stream-of';
import { EVENT_COLUMNS, rowToRecordedEvent, type EventRow } from './event-row';
import type { EventTables } from './event-store.schema';

export const readStream = async <E extends DomainEvent>(pool: Pool, tables: EventTables, streamId: string): Promise<ReadStreamResult<E>> => {
  const { rows } = await pool.query<EventRow>(`SELECT ${EVENT_COLUMNS} FROM ${tables.events} WHERE stream_id = $1 ORDER BY ${tables.events}.stream_version`, [streamId]);
  return streamOf<E>(rows.map(rowToRecordedEvent));
};
