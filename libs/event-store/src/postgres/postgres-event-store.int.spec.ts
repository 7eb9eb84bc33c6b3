import { randomBytes, randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import type { RecordedEvent } from '../event-store.port';
import { describeEventStoreContract } from '../testing';
import { PostgresEventStore } from './postgres-event-store';

jest.setTimeout(30_000);

const url = (): string => {
  if (!process.env.DATABASE_URL) throw new Error('DATABASE_URL is not set: run the tests with "npm test", which starts PostgreSQL');
  return process.env.DATABASE_URL;
};

const freshSchema = (): string => `es_${randomBytes(6).toString('hex')}`;

const dropSchema = async (schema: string): Promise<void> => {
  const pool = new Pool({ connectionString: url() });
  try {
    await pool.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  } finally {
    await pool.end();
  }
};

const eventually = async (check: () => boolean | Promise<boolean>, what: string, timeoutMs = 5_000): Promise<void> => {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
};

// Each test gets a schema of its own, so runs never see each other's events.
describeEventStoreContract('PostgreSQL', async () => {
  const schema = freshSchema();
  const store = PostgresEventStore.fromConnectionString(url(), { schema });
  return {
    store,
    uniqueEventIds: true,
    holdOpenAppend: (streamId, events) => store.beginAppend(streamId, events, { expectedVersion: 'no_stream' }),
    teardown: async () => {
      await store.close();
      await dropSchema(schema);
    },
  };
});

describe('PostgreSQL event store connections', () => {
  const metadata = { workspaceId: 'ws', actor: 'system', correlationId: 'c', causationId: 'c', occurredAt: '2026-01-01T00:00:00.000Z', schemaVersion: 1 };
  const append = (store: PostgresEventStore) => store.appendToStream(`test-${randomUUID()}`, [{ type: 'Tested', data: {}, metadata }], { expectedVersion: 'no_stream' });

  it('wakes subscribers by notification, and listens again after losing its connection', async () => {
    const schema = freshSchema();
    // A poll far beyond the test's patience: only notifications can deliver in time.
    const store = PostgresEventStore.fromConnectionString(url(), { schema, pollMs: 60_000 });
    const admin = new Pool({ connectionString: url() });
    const listening = `LISTEN "keyward_events_${schema}"`;
    const listeners = async (): Promise<number> =>
      Number((await admin.query<{ n: string }>('SELECT count(*) AS n FROM pg_stat_activity WHERE query = $1', [listening])).rows[0].n);
    const received: RecordedEvent[] = [];
    const errors: Error[] = [];
    let live = 0;
    const subscription = store.subscribeToAll({}, { onEvents: async (events) => void received.push(...events), onLive: () => void live++, onError: (e) => void errors.push(e) });
    try {
      await eventually(async () => live > 0 && (await listeners()) === 1, 'the first read and the LISTEN connection');
      await append(store);
      await eventually(() => received.length === 1, 'the notified event');

      await admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE query = $1', [listening]);
      await eventually(() => errors.length > 0, 'the lost connection reported');
      await eventually(async () => (await listeners()) === 1, 'a new LISTEN connection');
      await append(store);
      await eventually(() => received.length === 2, 'an event notified on the new connection');
    } finally {
      await subscription.stop();
      await store.close();
      await admin.end();
      await dropSchema(schema);
    }
  });

  it('wakes subscribers when an append held open commits, not before', async () => {
    const schema = freshSchema();
    // A poll far beyond the test's patience: only the notification after the commit can deliver in time.
    const store = PostgresEventStore.fromConnectionString(url(), { schema, pollMs: 60_000 });
    const received: RecordedEvent[] = [];
    let live = 0;
    const subscription = store.subscribeToAll({}, { onEvents: async (events) => void received.push(...events), onLive: () => void live++ });
    try {
      await eventually(() => live > 0, 'the first read');
      const pending = await store.beginAppend(`test-${randomUUID()}`, [{ type: 'Tested', data: {}, metadata }], { expectedVersion: 'no_stream' });
      await new Promise((r) => setTimeout(r, 300));
      expect(received).toHaveLength(0);
      await pending.commit();
      await eventually(() => received.length === 1, 'the event of the committed append');
    } finally {
      await subscription.stop();
      await store.close();
      await dropSchema(schema);
    }
  });

  it('survives losing the connection of an append in progress, and appends again afterwards', async () => {
    const schema = freshSchema();
    const store = PostgresEventStore.fromConnectionString(url(), { schema });
    const admin = new Pool({ connectionString: url() });
    const streamId = `test-${randomUUID()}`;
    try {
      // The transaction stays open between statements: the moment a crash of the server finds a checked-out client idle.
      const pending = await store.beginAppend(streamId, [{ type: 'Tested', data: {}, metadata }], { expectedVersion: 'no_stream' });
      // The schema is this test's own, so the one session writing to its table is the append's.
      const { rows } = await admin.query<{ pid: number }>(
        `SELECT DISTINCT pid FROM pg_locks WHERE relation = $1::regclass AND mode = 'RowExclusiveLock'`,
        [`${schema}.keyward_events`],
      );
      expect(rows).toHaveLength(1);
      // Waits (up to 5 s) until the session is gone, so its end reaches the client between statements.
      await admin.query('SELECT pg_terminate_backend($1, 5000)', [rows[0].pid]);
      await eventually(async () => (await admin.query('SELECT 1 FROM pg_stat_activity WHERE pid = $1', [rows[0].pid])).rowCount === 0, 'the session ended');
      await new Promise((r) => setTimeout(r, 50));
      // Without a listener on the checked-out client, its 'error' event would end this process here.
      await expect(pending.commit()).rejects.toThrow();
      await expect(store.readStream(streamId)).resolves.toMatchObject({ currentVersion: null });
      await expect(append(store)).resolves.toMatchObject({ nextExpectedVersion: 0n });
    } finally {
      await store.close();
      await admin.end();
      await dropSchema(schema);
    }
  });

  it('reports an unreachable server, keeps retrying, and stops cleanly', async () => {
    const store = PostgresEventStore.fromConnectionString('postgres://postgres@127.0.0.1:1/postgres', { schema: freshSchema() });
    const errors: Error[] = [];
    const subscription = store.subscribeToAll({}, { onEvents: async () => undefined, onError: (e) => void errors.push(e) });
    await eventually(() => errors.length >= 4, 'repeated failures');
    await subscription.stop();
    const reported = errors.length;
    await new Promise((r) => setTimeout(r, 300));
    expect(errors).toHaveLength(reported);
    await store.close();
  });
});
