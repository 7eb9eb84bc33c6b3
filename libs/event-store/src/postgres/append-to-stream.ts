import { randomUUID } from 'node:crypto';
import type { Pool, PoolClient } from 'pg';
import { ConcurrencyError } from '../concurrency.error';
import type { AppendResult, EventToAppend, ExpectedVersion } from '../event-store.port';
import type { EventTables } from './event-store.schema';

const UNIQUE_VIOLATION = '23505';
/** `'any'` appends race only each other; a few attempts always settle it. */
const ANY_ATTEMPTS = 5;

/** An append whose transaction is still open: commit it, or roll it back. */
export interface PendingAppend {
  commit(): Promise<AppendResult>;
  rollback(): Promise<void>;
}

const matches = (expected: ExpectedVersion, actual: bigint | null): boolean =>
  expected === 'any' ||
  (expected === 'no_stream' && actual === null) ||
  (expected === 'stream_exists' && actual !== null) ||
  (typeof expected === 'bigint' && expected === actual);

const currentVersion = async (client: PoolClient, tables: EventTables, streamId: string): Promise<bigint | null> => {
  const { rows } = await client.query<{ version: string | null }>(`SELECT max(stream_version)::text AS version FROM ${tables.events} WHERE stream_id = $1`, [streamId]);
  return rows[0].version === null ? null : BigInt(rows[0].version);
};

const isUniqueViolation = (error: unknown, constraint: string): boolean =>
  (error as { code?: string }).code === UNIQUE_VIOLATION && ((error as { constraint?: string }).constraint ?? '').endsWith(constraint);

/**
 * Inserts the events in one transaction and leaves it open. Two writers deciding against the
 * same version both try to insert the same (stream, version): the unique index makes the later
 * one wait for the first and then fail, which is reported as a ConcurrencyError.
 */
export const beginAppend = async (
  pool: Pool,
  tables: EventTables,
  streamId: string,
  events: readonly EventToAppend[],
  expectedVersion: ExpectedVersion,
): Promise<PendingAppend> => {
  if (events.length === 0) throw new Error('an append needs at least one event');
  for (let attempt = 1; ; attempt++) {
    const client = await pool.connect();
    let actual: bigint | null = null;
    try {
      await client.query('BEGIN');
      actual = await currentVersion(client, tables, streamId);
      if (!matches(expectedVersion, actual)) throw new ConcurrencyError(streamId, expectedVersion, actual);
      const first = (actual ?? -1n) + 1n;
      const { rows } = await client.query<{ transaction_id: string; global_position: string }>(
        `INSERT INTO ${tables.events} (stream_id, stream_version, event_id, type, data, metadata)
         SELECT $1, v, e, t, d, m FROM unnest($2::bigint[], $3::uuid[], $4::text[], $5::jsonb[], $6::jsonb[]) AS u(v, e, t, d, m)
         RETURNING transaction_id::text, global_position::text`,
        [
          streamId,
          events.map((_, i) => (first + BigInt(i)).toString()),
          events.map((e) => e.eventId ?? randomUUID()),
          events.map((e) => e.type),
          events.map((e) => JSON.stringify(e.data)),
          events.map((e) => JSON.stringify(e.metadata)),
        ],
      );
      await client.query('SELECT pg_notify($1, $2)', [tables.channel, '']);
      const last = rows.reduce((max, r) => (BigInt(r.global_position) > max ? BigInt(r.global_position) : max), 0n);
      const result: AppendResult = {
        nextExpectedVersion: first + BigInt(events.length) - 1n,
        position: { commit: BigInt(rows[0].transaction_id), prepare: last },
      };
      let done = false;
      const finish = async (sql: string): Promise<void> => {
        if (done) return;
        done = true;
        try {
          await client.query(sql);
        } finally {
          client.release();
        }
      };
      return { commit: () => finish('COMMIT').then(() => result), rollback: () => finish('ROLLBACK') };
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      client.release();
      if (isUniqueViolation(error, 'stream_id_stream_version_key')) {
        if (expectedVersion === 'any' && attempt < ANY_ATTEMPTS) continue;
        throw new ConcurrencyError(streamId, expectedVersion, await versionAfterRace(pool, tables, streamId));
      }
      if (isUniqueViolation(error, 'event_id_key')) throw new Error(`an event with one of these ids was appended already to the store`);
      throw error;
    }
  }
};

const versionAfterRace = async (pool: Pool, tables: EventTables, streamId: string): Promise<bigint | null> => {
  const client = await pool.connect();
  try {
    return await currentVersion(client, tables, streamId);
  } finally {
    client.release();
  }
};
