import { PostgresEventStore } from '@keyward/event-store/postgres';
import {
  appendChainLinks,
  checkEventChain,
  createReadModelDataSource,
  EVENT_CHAIN_PROJECTION,
  ProjectionRunner,
  runReadModelMigrations,
} from '@keyward/read-models';
import type { DataSource } from 'typeorm';
import { createBenchDatabase, infra } from './bench-database';
import { runBench } from './cleanup';
import { median } from './median';

/**
 * `npm run bench:chain`: seeds a history of 100,000 events (key creations, a thousand per
 * transaction), then alternates the chain follower's catch-up from nothing (the chain table and
 * its checkpoint emptied first) with a full check of the chain it built, so that a neighbour's
 * load on the machine falls on both alike. Prints events per second of each, per repetition and
 * the median; a check that does not come out clean fails the bench.
 */
const EVENTS = Number(process.env.BENCH_EVENTS ?? 100_000);
const REPETITIONS = Number(process.env.BENCH_REPETITIONS ?? 3);
const PER_TRANSACTION = 1_000;
const SCHEMA = 'bench_chain';

/** Straight into the table, a thousand rows per transaction: seeding is not what is measured. */
const seed = async (dataSource: DataSource): Promise<void> => {
  for (let first = 1; first <= EVENTS; first += PER_TRANSACTION) {
    const last = Math.min(EVENTS, first + PER_TRANSACTION - 1);
    await dataSource.query(
      `INSERT INTO "${SCHEMA}".keyward_events (stream_id, stream_version, event_id, type, data, metadata)
       SELECT 'key-key_' || n, 0, gen_random_uuid(), 'KeyCreated',
              jsonb_build_object('keyId', 'key_' || n, 'workspaceId', 'default', 'name', 'key ' || n, 'prefix', 'kw_live_abcd', 'lastFour', 'wxyz', 'roles', jsonb_build_array()),
              jsonb_build_object('workspaceId', 'default', 'actor', 'root', 'correlationId', gen_random_uuid(), 'causationId', gen_random_uuid(), 'occurredAt', now(), 'schemaVersion', 1)
       FROM generate_series($1::int, $2::int) AS n`,
      [first, last],
    );
  }
};

/** The follower from an empty chain to the head; answers the milliseconds it took. */
const catchUp = async (store: PostgresEventStore, dataSource: DataSource): Promise<number> => {
  await dataSource.query(`TRUNCATE event_chain`);
  await dataSource.query(`DELETE FROM projection_checkpoints WHERE projection = $1`, [EVENT_CHAIN_PROJECTION]);
  let live: () => void = () => undefined;
  const reached = new Promise<void>((resolve) => (live = resolve));
  const started = performance.now();
  const runner = new ProjectionRunner(EVENT_CHAIN_PROJECTION, store, dataSource, appendChainLinks, {
    onProgress: (_position, caughtUp) => caughtUp && live(),
    onError: (error) => console.error(`follower: ${error.message}`),
  });
  await runner.start();
  await reached;
  const ms = performance.now() - started;
  await runner.stop();
  return ms;
};

const check = async (store: PostgresEventStore, dataSource: DataSource): Promise<number> => {
  const started = performance.now();
  const report = await checkEventChain(store, dataSource.manager);
  const ms = performance.now() - started;
  if (!report.ok || report.checked !== EVENTS) throw new Error(`the check of an untouched history failed: ${JSON.stringify(report)}`);
  return ms;
};

const perSecond = (ms: number): number => Math.round((EVENTS * 1_000) / ms);

runBench(async (cleanup) => {
  const database = await createBenchDatabase(infra().databaseUrl);
  cleanup.add(database.drop);
  const store = PostgresEventStore.fromConnectionString(database.url, { schema: SCHEMA });
  cleanup.add(() => store.close());
  const dataSource = await createReadModelDataSource(database.url).initialize();
  cleanup.add(() => dataSource.destroy());
  await runReadModelMigrations(dataSource);
  // The store creates its table on first use.
  await store.readAll({ maxCount: 1 });
  await seed(dataSource);
  console.log(`chain bench: ${EVENTS} events seeded; ${REPETITIONS} repetitions, follower catch-up and check alternated`);
  const follower: number[] = [];
  const checks: number[] = [];
  for (let r = 1; r <= REPETITIONS; r++) {
    follower.push(perSecond(await catchUp(store, dataSource)));
    checks.push(perSecond(await check(store, dataSource)));
    console.log(`  repetition ${r}: follower catch-up ${follower[r - 1]} events/s, check ${checks[r - 1]} events/s`);
  }
  console.log(`median: follower catch-up ${median(follower)} events/s, check ${median(checks)} events/s`);
});
