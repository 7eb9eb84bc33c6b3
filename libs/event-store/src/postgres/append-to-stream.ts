import type { Pool, PoolClient } from 'pg';
import { newUuidV7 } from '@keyward/domain';
import { ConcurrencyError } from '../concurrency.error';
import type { AppendOptions, AppendResult, EventToAppend, ExpectedVersion, UnchangedStream } from '../event-store.port';
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

/** The events of one append, serialised once (so a value JSON cannot hold fails before any round trip). */
interface AppendParameters {
  readonly streamId: string;
  readonly expectedVersion: ExpectedVersion;
  /** $1–$5 of both statements: the stream and the events' columns as arrays. */
  readonly events: readonly unknown[];
  /** $6–$7 of both statements: the other stream that must be unchanged (null: none) and its version. */
  readonly guard: readonly [string | null, string | null];
  /** $8–$9 of the checked statement: what the stream's version must be. */
  readonly condition: readonly [string, string | null];
  readonly count: number;
  readonly unchanged: UnchangedStream | undefined;
}

const appendParameters = (streamId: string, events: readonly EventToAppend[], { expectedVersion, unchanged }: AppendOptions): AppendParameters => {
  if (events.length === 0) throw new Error('an append needs at least one event');
  const exact = typeof expectedVersion === 'bigint';
  return {
    streamId,
    expectedVersion,
    count: events.length,
    unchanged,
    guard: unchanged ? [unchanged.streamId, unchanged.version?.toString() ?? null] : [null, null],
    events: [
      streamId,
      events.map((e) => e.eventId ?? newUuidV7()),
      events.map((e) => e.type),
      events.map((e) => JSON.stringify(e.data)),
      events.map((e) => JSON.stringify(e.metadata)),
    ],
    condition: exact ? ['version', expectedVersion.toString()] : [expectedVersion, null],
  };
};

/**
 * True when no other stream is named ($6), or it is at version $7 (null: it has no events). Read in
 * the append's own statement, so what the decision read cannot change unseen before it commits.
 */
const guardSql = (tables: EventTables): string => `
  ($6::text IS NULL OR (SELECT max(stream_version) FROM ${tables.events} WHERE stream_id = $6::text) IS NOT DISTINCT FROM $7::bigint)`;

/**
 * The whole append in one statement, so that in autocommit it costs one round trip: read the
 * stream's version, insert only if it is the expected one (and the guarded stream unchanged), and
 * answer what the version was. Two writers deciding against the same version both insert the same
 * (stream, version): the unique index makes the later one wait for the first to commit and then fail.
 */
const appendSql = (tables: EventTables): string => `
  WITH current AS (
    SELECT max(stream_version) AS version, ${guardSql(tables)} AS unchanged FROM ${tables.events} WHERE stream_id = $1
  ), appended AS (
    INSERT INTO ${tables.events} (stream_id, stream_version, event_id, type, data, metadata)
    SELECT $1, coalesce(current.version, -1) + u.n, u.e, u.t, u.d, u.m
    FROM current, unnest($2::uuid[], $3::text[], $4::jsonb[], $5::jsonb[]) WITH ORDINALITY AS u(e, t, d, m, n)
    WHERE current.unchanged AND CASE $8::text
      WHEN 'any' THEN true
      WHEN 'stream_exists' THEN current.version IS NOT NULL
      ELSE current.version = $9::bigint
    END
    RETURNING transaction_id, global_position
  )
  SELECT (SELECT version::text FROM current) AS actual,
         (SELECT unchanged FROM current) AS unchanged,
         (SELECT transaction_id::text FROM appended LIMIT 1) AS transaction_id,
         (SELECT max(global_position)::text FROM appended) AS last_position`;

/**
 * A new stream's events need no version read: they are versions 0, 1, ... and the unique
 * (stream, version) index refuses them if the stream exists, which `settled` turns into the
 * ConcurrencyError. A key's creation is this case, the most frequent append. No row back: the
 * guarded stream moved.
 */
const newStreamSql = (tables: EventTables): string => `
  INSERT INTO ${tables.events} (stream_id, stream_version, event_id, type, data, metadata)
  SELECT $1, u.n - 1, u.e, u.t, u.d, u.m
  FROM unnest($2::uuid[], $3::text[], $4::jsonb[], $5::jsonb[]) WITH ORDINALITY AS u(e, t, d, m, n)
  WHERE ${guardSql(tables)}
  RETURNING transaction_id::text, global_position::text`;

interface AppendRow {
  readonly actual: string | null;
  readonly unchanged: boolean;
  readonly transaction_id: string | null;
  readonly last_position: string | null;
}

interface NewStreamRow {
  readonly transaction_id: string;
  readonly global_position: string;
}

const toVersion = (text: string | null): bigint | null => (text === null ? null : BigInt(text));

const currentVersion = async (pool: Pool | PoolClient, tables: EventTables, streamId: string): Promise<bigint | null> => {
  const { rows } = await pool.query<{ version: string | null }>(`SELECT max(stream_version)::text AS version FROM ${tables.events} WHERE stream_id = $1`, [streamId]);
  return toVersion(rows[0].version);
};

/** The guarded stream moved: the caller decides again on what it holds now. */
const guardFailed = async (client: Pool | PoolClient, tables: EventTables, { streamId, version }: UnchangedStream): Promise<never> => {
  throw new ConcurrencyError(streamId, version ?? 'no_stream', await currentVersion(client, tables, streamId));
};

/** Runs the statement on `client`; nothing inserted means a version did not match. */
const runAppend = async (client: Pool | PoolClient, tables: EventTables, p: AppendParameters): Promise<AppendResult> => {
  // Named, so each connection parses and plans it once rather than on every append.
  if (p.expectedVersion === 'no_stream') {
    const { rows } = await client.query<NewStreamRow>({ name: `keyward-append-new-${tables.schema}`, text: newStreamSql(tables), values: [...p.events, ...p.guard] });
    if (rows.length === 0 && p.unchanged) return guardFailed(client, tables, p.unchanged);
    const last = rows.reduce((max, row) => (BigInt(row.global_position) > max ? BigInt(row.global_position) : max), 0n);
    return { nextExpectedVersion: BigInt(p.count) - 1n, position: { commit: BigInt(rows[0].transaction_id), prepare: last } };
  }
  const { rows } = await client.query<AppendRow>({ name: `keyward-append-${tables.schema}`, text: appendSql(tables), values: [...p.events, ...p.guard, ...p.condition] });
  const { actual, unchanged, transaction_id, last_position } = rows[0];
  if (!unchanged && p.unchanged) return guardFailed(client, tables, p.unchanged);
  if (transaction_id === null || last_position === null) throw new ConcurrencyError(p.streamId, p.expectedVersion, toVersion(actual));
  return {
    nextExpectedVersion: (toVersion(actual) ?? -1n) + BigInt(p.count),
    position: { commit: BigInt(transaction_id), prepare: BigInt(last_position) },
  };
};

const violatedConstraint = (error: unknown): string | undefined => {
  const { code, constraint } = error as { code?: string; constraint?: string };
  return code === UNIQUE_VIOLATION ? constraint : undefined;
};

/**
 * Runs `attempt` until it is settled: an `'any'` append that lost a race tries again; any other
 * loser gets a ConcurrencyError with the version that won.
 */
const settled = async <T>(pool: Pool, tables: EventTables, p: AppendParameters, attempt: () => Promise<T>): Promise<T> => {
  for (let n = 1; ; n++) {
    try {
      return await attempt();
    } catch (error) {
      const constraint = violatedConstraint(error);
      if (constraint?.endsWith('stream_id_stream_version_key')) {
        if (p.expectedVersion === 'any' && n < ANY_ATTEMPTS) continue;
        throw new ConcurrencyError(p.streamId, p.expectedVersion, await currentVersion(pool, tables, p.streamId));
      }
      if (constraint?.endsWith('event_id_key')) throw new Error(`stream ${p.streamId}: an event with one of these ids is in the store already`);
      throw error;
    }
  }
};

/** Appends and commits in one statement and one round trip (autocommit: no BEGIN, no COMMIT). */
export const appendToStream = (
  pool: Pool,
  tables: EventTables,
  streamId: string,
  events: readonly EventToAppend[],
  options: AppendOptions,
): Promise<AppendResult> => {
  const p = appendParameters(streamId, events, options);
  return settled(pool, tables, p, () => runAppend(pool, tables, p));
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

/** The same statement inside a transaction left open for the caller to commit or roll back. */
export const beginAppend = async (
  pool: Pool,
  tables: EventTables,
  streamId: string,
  events: readonly EventToAppend[],
  options: AppendOptions,
): Promise<PendingAppend> => {
  const p = appendParameters(streamId, events, options);
  return settled(pool, tables, p, async () => {
    const checkedOut = await checkOut(pool);
    const { client } = checkedOut;
    try {
      await client.query('BEGIN');
      const result = await runAppend(client, tables, p);
      const finish = finisher(checkedOut);
      return { commit: () => finish('COMMIT').then(() => result), rollback: () => finish('ROLLBACK') };
    } catch (error) {
      const rolledBack = await client.query('ROLLBACK').then(
        () => true,
        () => false,
      );
      checkedOut.release(rolledBack ? undefined : asError(error));
      throw error;
    }
  });
};
