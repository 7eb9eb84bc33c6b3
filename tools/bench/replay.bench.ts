import { PostgresEventStore } from '@keyward/event-store/postgres';
import { createReadModelDataSource, replayReadModels, runReadModelMigrations } from '@keyward/read-models';
import type { EntityManager } from 'typeorm';
import { destroyDataKeys } from '@keyward/vault';
import { createBenchDatabase, infra } from './bench-database';
import { runBench } from './cleanup';
import { median } from './median';

/**
 * `npm run bench:replay`: seeds a history of 100,000 events, four per key (created, renamed, a
 * role assigned, then revoked or, one key in ten, deleted; `BENCH_EVENTS_PER_KEY=1` creations
 * only, the most rows per event), a thousand keys per transaction, then
 * replays the read models from it a few times, each over the tables the previous one left (as
 * `keyward replay` does on a running install). Prints events per second of each replay, writing
 * included, and the median. The chain check's rate over a history of the same size is
 * `npm run bench:chain`'s.
 */
const EVENTS = Number(process.env.BENCH_EVENTS ?? 100_000);
const REPETITIONS = Number(process.env.BENCH_REPETITIONS ?? 3);
const KEYS_PER_TRANSACTION = 1_000;
const SCHEMA = 'bench_replay';
const EVENTS_PER_KEY = Number(process.env.BENCH_EVENTS_PER_KEY ?? 4);
const KEYS = Math.ceil(EVENTS / EVENTS_PER_KEY);

/** The events of keys `first` to `last`, one statement per event kind, in stream order; straight into the table: seeding is not measured. */
const seedKeys = async (manager: EntityManager, first: number, last: number): Promise<void> => {
  const events = `"${SCHEMA}".keyward_events`;
  const metadata = `jsonb_build_object('workspaceId', 'default', 'actor', 'root', 'correlationId', gen_random_uuid(), 'causationId', gen_random_uuid(), 'occurredAt', now(), 'schemaVersion', 1)`;
  const insert = (version: number, type: string, data: string, where = 'true') =>
    manager.query(
      `INSERT INTO ${events} (stream_id, stream_version, event_id, type, data, metadata)
       SELECT 'key-key_' || n, ${version}, gen_random_uuid(), ${type}, ${data}, ${metadata}
       FROM generate_series($1::int, $2::int) AS n WHERE ${where}`,
      [first, last],
    );
  await insert(
    0,
    `'KeyCreated'`,
    `jsonb_build_object('keyId', 'key_' || n, 'workspaceId', 'default', 'name', 'key ' || n, 'environment', 'live', 'secretHash', repeat('ab', 32), 'prefix', 'kw_live_abcd', 'lastFour', 'wxyz',
       'createdAt', '2026-01-01T00:00:00.000Z', 'expiresAt', null, 'roles', jsonb_build_array(), 'permissions', jsonb_build_object('calls', 'read'), 'unrestricted', false)`,
  );
  if (EVENTS_PER_KEY < 2) return;
  await insert(1, `'KeyRenamed'`, `jsonb_build_object('keyId', 'key_' || n, 'name', 'renamed ' || n)`);
  if (EVENTS_PER_KEY < 3) return;
  await insert(2, `'RoleAssigned'`, `jsonb_build_object('keyId', 'key_' || n, 'roleId', 'read-only')`);
  if (EVENTS_PER_KEY < 4) return;
  await insert(3, `CASE WHEN n % 10 = 0 THEN 'KeyDeleted' ELSE 'KeyRevoked' END`, `jsonb_build_object('keyId', 'key_' || n, 'revokedAt', '2026-02-01T00:00:00.000Z', 'deletedAt', '2026-02-01T00:00:00.000Z')`);
};

runBench(async (cleanup) => {
  if (![1, 2, 3, 4].includes(EVENTS_PER_KEY)) throw new Error('BENCH_EVENTS_PER_KEY is 1 to 4');
  const database = await createBenchDatabase(infra().databaseUrl);
  cleanup.add(database.drop);
  const store = PostgresEventStore.fromConnectionString(database.url, { schema: SCHEMA });
  cleanup.add(() => store.close());
  const dataSource = await createReadModelDataSource(database.url, { poolSize: 2 }).initialize();
  cleanup.add(() => dataSource.destroy());
  await runReadModelMigrations(dataSource);
  // The store creates its table on first use.
  await store.readAll({ maxCount: 1 });
  for (let first = 1; first <= KEYS; first += KEYS_PER_TRANSACTION) {
    const last = Math.min(KEYS, first + KEYS_PER_TRANSACTION - 1);
    await dataSource.transaction((manager) => seedKeys(manager, first, last));
  }
  console.log(`replay bench: ${KEYS * EVENTS_PER_KEY} events of ${KEYS} keys seeded; ${REPETITIONS} replays`);
  const rates: number[] = [];
  for (let r = 1; r <= REPETITIONS; r++) {
    const started = performance.now();
    let folded = 0;
    const result = await replayReadModels(store, dataSource, destroyDataKeys, { onProgress: (p) => p.stage === 'writing' && (folded ||= performance.now() - started) });
    if (result.events !== KEYS * EVENTS_PER_KEY) throw new Error(`replayed ${result.events} events of ${KEYS * EVENTS_PER_KEY}`);
    rates.push(result.eventsPerSecond);
    console.log(`  replay ${r}: ${result.eventsPerSecond} events/s (${result.seconds.toFixed(2)} s, of which reading and folding ${(folded / 1_000).toFixed(2)} s; rows ${JSON.stringify(result.rows)})`);
  }
  console.log(`median: ${median(rates)} events/s`);
});
