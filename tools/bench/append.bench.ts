import { fork } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { infra, sql, withDatabase } from './bench-database';
import type { AppendRun, AppendRunResult, StoreName } from './append-worker';

/**
 * `npm run bench:append`: Keyward's PostgreSQL event store beside Emmett's on the same server,
 * alternated, each in a process of its own and a database of its own, appending to new streams.
 * Prints appends per second and Keyward's throughput as a multiple of Emmett's.
 */
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const REPETITIONS = Number(process.env.BENCH_REPETITIONS ?? 3);
const WARM_UP_SECONDS = 1;
const SCENARIOS = [
  { writers: 1, eventsPerAppend: 1 },
  { writers: 16, eventsPerAppend: 1 },
  { writers: 1, eventsPerAppend: 10 },
] as const;
const WORKER = path.join(__dirname, 'append-worker.js');

/** Runs one measurement in a child process; a worker that fails fails the benchmark. */
const measure = (run: AppendRun): Promise<AppendRunResult> =>
  new Promise((resolve, reject) => {
    const child = fork(WORKER, [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    let result: AppendRunResult | undefined;
    child.once('message', (message: AppendRunResult) => (result = message));
    child.once('error', reject);
    child.once('exit', (code) => (result ? resolve(result) : reject(new Error(`the ${run.store} worker exited with code ${code ?? 'none'}`))));
    child.send(run);
  });

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

const main = async (): Promise<void> => {
  const { databaseUrl } = infra();
  const suffix = `${process.pid}_${Date.now()}`;
  const databases: Record<StoreName, string> = { keyward: `bench_append_keyward_${suffix}`, emmett: `bench_append_emmett_${suffix}` };
  console.log(`machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'unknown CPU'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, node ${process.version}`);
  console.log(`each run: ${WARM_UP_SECONDS} s warm-up, ${SECONDS} s measured; ${REPETITIONS} repetitions, the order of the two stores swapped each time\n`);
  try {
    for (const name of Object.values(databases)) await sql(databaseUrl, `CREATE DATABASE ${name}`);
    const ratios = SCENARIOS.map(() => [] as number[]);
    for (let repetition = 0; repetition < REPETITIONS; repetition++) {
      for (const [i, scenario] of SCENARIOS.entries()) {
        const order: StoreName[] = repetition % 2 === 0 ? ['keyward', 'emmett'] : ['emmett', 'keyward'];
        const perSecond: Partial<Record<StoreName, number>> = {};
        for (const store of order) {
          const result = await measure({ store, databaseUrl: withDatabase(databaseUrl, databases[store]), ...scenario, warmUpSeconds: WARM_UP_SECONDS, seconds: SECONDS });
          perSecond[store] = result.appends / result.seconds;
        }
        const keyward = perSecond.keyward ?? 0;
        const emmett = perSecond.emmett ?? 0;
        ratios[i].push(keyward / emmett);
        console.log(
          `#${repetition + 1} ${`${scenario.writers} writer(s) × ${scenario.eventsPerAppend} event(s)`.padEnd(24)} keyward ${keyward.toFixed(0).padStart(6)}/s   emmett ${emmett.toFixed(0).padStart(6)}/s   keyward / emmett ${(keyward / emmett).toFixed(2)}`,
        );
      }
    }
    console.log('\nmedian keyward / emmett:');
    for (const [i, scenario] of SCENARIOS.entries()) console.log(`  ${scenario.writers} writer(s) × ${scenario.eventsPerAppend} event(s): ${median(ratios[i]).toFixed(2)}`);
  } finally {
    for (const name of Object.values(databases)) await sql(databaseUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  }
};

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
