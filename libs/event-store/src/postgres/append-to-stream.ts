import { randomUUID } from 'node:crypto';
import type { Pool, PoolClient } from 'pg';
import { ConcurrencyError } from '../concurrency.error';
import type { AppendResult, EventToAppend, ExpectedVersion } from '../event-store.port';
import { checkOut, type CheckedOut } from './check-out';
import type { EventTables } from './event-store.schema';

const UNIQUE_VIOLATION = '23505';
/** `'any'` appends lose a race only to another append that committed meanwhile; retrying settles it. */
const ANY_ATTEMPTS = 10;

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

const currentVersion = async (client: Pool | PoolClient, tables: EventTables, streamId: string): Promise<bigint | null> => {
  const { rows } = await client.query<{ version: string | null }>(`SELECT max(stream_version)::text AS version FROM ${tables.events} WHERE stream_id = $1`, [streamId]);
  return rows[0].version === null ? null : BigInt(rows[0].version);
};

const violatedConstraint = (error: unknown): string | undefined => {
  const { code, constraint } = error as { code?: string; constraint?: string };
  return code === UNIQUE_VIOLATION ? constraint : undefined;
};

const asError = (error: unknown): Error => (error instanceof Error ? error : new Error(String(error)));

/** Runs the closing statement once, then gives the connection back (dropping it if it broke). */
const finisher = ({ client, release }: CheckedOut) => {
  let done = false;
  return async (sql: 'COMMIT' | 'ROLLBACK'): Promise<void> => {
    if (done) throw new Error('this append was committed or rolled back already');
    done = true;
    try {
      await client.query(sql);
      release();
    } catch (error) {
      release(asError(error));
      throw error;
    }
  };
};

/**
 * Inserts the events in one transaction and leaves it open. Two writers deciding against the
 * same version both insert the same (stream, version): the unique index makes the later one wait
 * for the first to commit and then fail, which is reported as a ConcurrencyError.
 */
export const beginAppend = async (
  pool: Pool,
  tables: EventTables,
  streamId: string,
  events: readonly EventToAppend[],
  expectedVersion: ExpectedVersion,
): Promise<PendingAppend> => {
  if (events.length === 0) throw new Error('an append needs at least one event');
  // Serialised before the transaction opens, so a value JSON cannot hold fails without a round trip.
  const data = events.map((e) => JSON.stringify(e.data));
  const metadata = events.map((e) => JSON.stringify(e.metadata));
  const eventIds = events.map((e) => e.eventId ?? randomUUID());
  for (let attempt = 1; ; attempt++) {
    const checkedOut = await checkOut(pool);
    const { client } = checkedOut;
    try {
      await client.query('BEGIN');
      const actual = await currentVersion(client, tables, streamId);
      if (!matches(expectedVersion, actual)) throw new ConcurrencyError(streamId, expectedVersion, actual);
      const first = (actual ?? -1n) + 1n;
      const { rows } = await client.query<{ transaction_id: string; global_position: string }>(
        `INSERT INTO ${tables.events} (stream_id, stream_version, event_id, type, data, metadata)
         SELECT $1, v, e, t, d, m FROM unnest($2::bigint[], $3::uuid[], $4::text[], $5::jsonb[], $6::jsonb[]) AS u(v, e, t, d, m)
         RETURNING transaction_id::text, global_position::text`,
        [streamId, events.map((_, i) => (first + BigInt(i)).toString()), eventIds, events.map((e) => e.type), data, metadata],
      );
      // Delivered on commit only, and only then: subscribers wake without waiting for their poll.
      await client.query('SELECT pg_notify($1, $2)', [tables.channel, '']);
      const last = rows.reduce((max, r) => (BigInt(r.global_position) > max ? BigInt(r.global_position) : max), 0n);
      const result: AppendResult = {
        nextExpectedVersion: first + BigInt(events.length) - 1n,
        position: { commit: BigInt(rows[0].transaction_id), prepare: last },
      };
      const finish = finisher(checkedOut);
      return { commit: () => finish('COMMIT').then(() => result), rollback: () => finish('ROLLBACK') };
    } catch (error) {
      const rolledBack = await client.query('ROLLBACK').then(
        () => true,
        () => false,
      );
      checkedOut.release(rolledBack ? undefined : asError(error));
      const constraint = violatedConstraint(error);
      if (constraint?.endsWith('stream_id_stream_version_key')) {
        if (expectedVersion === 'any' && attempt < ANY_ATTEMPTS) continue;
        throw new ConcurrencyError(streamId, expectedVersion, await currentVersion(pool, tables, streamId));
      }
      if (constraint?.endsWith('event_id_key')) throw new Error(`stream ${streamId}: an event with one of these ids is in the store already`);
      throw error;
    }
  }
};
