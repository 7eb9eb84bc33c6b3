import { keyStreamId, roleStreamId, workspaceStreamId, type KeywardEvent } from '@keyward/contracts';
import { comparePositions, type Position } from '@keyward/event-store';
import { PostgresEventStore } from '@keyward/event-store/postgres';
import { createTestDatabase, type TestDatabase } from '@keyward/testing';
import type { DataSource, EntityManager } from 'typeorm';
import { ProjectionRunner, type ProjectionRunnerOptions } from './projection-runner';
import { createReadModelDataSource } from './read-models.data-source';
import { projectEvents, READ_MODELS_PROJECTION } from './read-models.projection';
import { runReadModelMigrations } from './run-migrations';
import { keyCreated, keyId, projectUntilLive, roleCreated, workspaceCreated } from './testing/read-model.fixtures';

jest.setTimeout(30_000);

const metadata = { workspaceId: 'ws_r', actor: 'system', correlationId: 'c', causationId: 'c', occurredAt: '2026-01-01T00:00:00.000Z', schemaVersion: 1 };
const at = (day: number): string => new Date(Date.UTC(2026, 1, day)).toISOString();

/** Two rounds of writes: the second changes, revokes and deletes what the first created. */
const firstRound: [string, KeywardEvent[]][] = [
  [workspaceStreamId('ws_r'), [workspaceCreated('ws_r', { plan: 'enterprise' })]],
  [roleStreamId('role_r'), [roleCreated('role_r', { workspaceId: 'ws_r' })]],
  ...[1, 2, 3, 4].map((n): [string, KeywardEvent[]] => [keyStreamId(keyId(n)), [keyCreated(n, { workspaceId: 'ws_r', unrestricted: n % 2 === 0 })]]),
];
const secondRound: [string, KeywardEvent[]][] = [
  [keyStreamId(keyId(1)), [{ type: 'RoleAssigned', data: { keyId: keyId(1), roleId: 'role_r' } }, { type: 'ResourceShared', data: { keyId: keyId(1), resource: 'workflows', resourceId: 'wf_1', access: 'read' } }]],
  [keyStreamId(keyId(2)), [{ type: 'KeyRotated', data: { keyId: keyId(2), secretHash: 'cd'.repeat(32), prefix: 'kw_live_efgh', lastFour: 'stuv', rotatedAt: at(1), previousKeyExpiresAt: at(2) } }]],
  [keyStreamId(keyId(3)), [{ type: 'KeyRevoked', data: { keyId: keyId(3), revokedAt: at(3) } }, { type: 'KeyDeleted', data: { keyId: keyId(3), deletedAt: at(4) } }]],
  [keyStreamId(keyId(5)), [keyCreated(5, { workspaceId: 'ws_r' }), { type: 'KeyRevoked', data: { keyId: keyId(5), revokedAt: at(5) } }]],
  [roleStreamId('role_r'), [{ type: 'RolePermissionsChanged', data: { roleId: 'role_r', workspaceId: 'ws_r', name: 'renamed', description: 'd', permissions: ['calls:write'], changedAt: at(6) } }]],
  [workspaceStreamId('ws_r'), [{ type: 'WorkspacePlanChanged', data: { workspaceId: 'ws_r', plan: 'pro', changedAt: at(7) } }]],
];

/** Appends a round (each stream after what it holds) and answers the position of its last event. */
const appendRound = async (store: PostgresEventStore, round: [string, KeywardEvent[]][]): Promise<Position> => {
  let head: Position | undefined;
  for (const [stream, events] of round) {
    ({ position: head } = await store.appendToStream(stream, events.map((e) => ({ ...e, metadata })), { expectedVersion: 'any' }));
  }
  if (!head) throw new Error('a round needs events');
  return head;
};

const tables = async (dataSource: DataSource): Promise<Record<string, unknown[]>> => ({
  keys: await dataSource.query('SELECT * FROM keys ORDER BY id'),
  roles: await dataSource.query('SELECT * FROM roles ORDER BY id'),
  workspaces: await dataSource.query('SELECT * FROM workspaces ORDER BY id'),
});

/** Bounded in time: a runner that loops on a failing batch never gets there. */
const eventually = async (check: () => boolean, what: string, timeoutMs = 10_000): Promise<void> => {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
};

/** A runner on `dataSource` that records what it reports. */
const runnerOn = (store: PostgresEventStore, dataSource: DataSource, options?: ProjectionRunnerOptions) => {
  const seen = { position: undefined as Position | undefined, caughtUp: false, errors: [] as Error[] };
  const runner = new ProjectionRunner(
    READ_MODELS_PROJECTION,
    store,
    dataSource,
    projectEvents,
    {
      onProgress: (position, caughtUp) => Object.assign(seen, { position, caughtUp }),
      onError: (error) => void seen.errors.push(error),
    },
    options,
  );
  const reached = (head: Position): Promise<void> =>
    eventually(() => seen.caughtUp && seen.position !== undefined && comparePositions(seen.position, head) >= 0, `the projection at ${head.commit}.${head.prepare}`);
  return { runner, seen, reached };
};

/** The tables the history gives when nothing goes wrong. */
const referenceTables = async (store: PostgresEventStore): Promise<Record<string, unknown[]>> => {
  const database = await createTestDatabase();
  const dataSource = await createReadModelDataSource(database.url).initialize();
  try {
    await projectUntilLive(store, dataSource);
    return await tables(dataSource);
  } finally {
    await dataSource.destroy();
    await database.drop();
  }
};

let events: TestDatabase;
let readModels: TestDatabase;
let store: PostgresEventStore;
let dataSource: DataSource;

// Each test has a history (schema) and read models (database) of its own.
beforeEach(async () => {
  [events, readModels] = await Promise.all([createTestDatabase(), createTestDatabase()]);
  store = PostgresEventStore.fromConnectionString(events.url, { schema: 'runner' });
  dataSource = await createReadModelDataSource(readModels.url).initialize();
  await runReadModelMigrations(dataSource);
});

afterEach(async () => {
  await dataSource.destroy();
  await store.close();
  await Promise.all([events.drop(), readModels.drop()]);
});

describe('ProjectionRunner after a failed batch', () => {

  it('converges with identical rows when a commit landed but its acknowledgement was lost', async () => {
    // The real database commits every batch; the answer to each of the first two is lost on the
    // way back, as when PostgreSQL stops between COMMIT and its reply.
    let lost = 0;
    const lossy: DataSource = Object.assign(Object.create(dataSource), {
      transaction: async <T>(run: (manager: EntityManager) => Promise<T>): Promise<T> => {
        const result = await dataSource.transaction(run);
        if (lost++ < 2) throw new Error('Connection terminated unexpectedly');
        return result;
      },
    });
    const { runner, seen, reached } = runnerOn(store, lossy);
    await runner.start();
    try {
      await reached(await appendRound(store, firstRound));
      await reached(await appendRound(store, secondRound));
    } finally {
      await runner.stop();
    }
    expect(lost).toBeGreaterThanOrEqual(2);
    expect(seen.errors.map((e) => e.message)).toEqual(['Connection terminated unexpectedly', 'Connection terminated unexpectedly']);
    expect(await tables(dataSource)).toEqual(await referenceTables(store));
  });

  it('replays events it has already applied without harm', async () => {
    await appendRound(store, firstRound);
    const head = await appendRound(store, secondRound);
    const first = runnerOn(store, dataSource);
    await first.runner.start();
    await first.reached(head).finally(() => first.runner.stop());
    // Wind the checkpoint back to the first event: everything after it is applied a second time.
    const [earliest] = await store.readAll({ maxCount: 1 });
    await dataSource.query('UPDATE projection_checkpoints SET commit = $2, prepare = $3 WHERE projection = $1', [
      READ_MODELS_PROJECTION,
      earliest.position.commit.toString(),
      earliest.position.prepare.toString(),
    ]);
    const again = runnerOn(store, dataSource);
    await again.runner.start();
    await again.reached(head).finally(() => again.runner.stop());
    expect(again.seen.errors).toEqual([]);
    expect(await tables(dataSource)).toEqual(await referenceTables(store));
  });

  it('two replicas on one checkpoint: the one that loses the compare-and-set follows the winner, reporting no error', async () => {
    await appendRound(store, firstRound);
    const replicas = [runnerOn(store, dataSource), runnerOn(store, dataSource)];
    await Promise.all(replicas.map((r) => r.runner.start()));
    try {
      // Both stand at the same checkpoint and see the same new events: at most one can apply each batch.
      const head = await appendRound(store, secondRound);
      await Promise.all(replicas.map((r) => r.reached(head)));
    } finally {
      await Promise.all(replicas.map((r) => r.runner.stop()));
    }
    expect(replicas.map((r) => r.seen.errors.map((e) => e.message))).toEqual([[], []]);
    expect(await tables(dataSource)).toEqual(await referenceTables(store));
  });
});

describe('ProjectionRunner statistics', () => {
  // Only the runner may analyze here: autovacuum would make either answer below pass.
  beforeEach(() => dataSource.query('ALTER TABLE keys SET (autovacuum_enabled = false)'));

  /** What the planner believes the key table holds: -1 until it was first analyzed. */
  const plannedKeyRows = async (): Promise<number> => Number((await dataSource.query(`SELECT reltuples FROM pg_class WHERE relname = 'keys'`))[0].reltuples);

  it.each([
    ['analyzes the tables once a bulk of events was applied, before it reports being caught up', 6, 4],
    ['leaves a smaller catch-up to autovacuum', 7, -1],
  ])('%s', async (_, analyzeAfterEvents, planned) => {
    // A catch-up of the first round: 6 events, 4 of them keys.
    const head = await appendRound(store, firstRound);
    const { runner, seen, reached } = runnerOn(store, dataSource, { analyzeAfterEvents });
    await runner.start();
    await reached(head).finally(() => runner.stop());
    expect(await plannedKeyRows()).toBe(planned);
    expect(seen.errors).toEqual([]);
  });
});
