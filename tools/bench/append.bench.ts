import { fork, type ChildProcess } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { infra, sql, withDatabase } from './bench-database';
import type { AppendWorkload, StoreName, WorkerCommand, WorkerReply } from './append-worker';

/**
 * `npm run bench:append`: Keyward's PostgreSQL event store beside Emmett's on the same server,
 * each in a process and a database of its own, appending to new streams. The two take turns in
 * short slices (A B B A ...), so a neighbour's load on the machine falls on both alike; the
 * figure is Keyward's throughput as a multiple of Emmett's within each repetition.
 */
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const REPETITIONS = Number(process.env.BENCH_REPETITIONS ?? 3);
const SLICES = 10;
const WARM_UP_MS = 1_000;
const SCENARIOS = [
  { writers: 1, eventsPerAppend: 1 },
  { writers: 16, eventsPerAppend: 1 },
  { writers: 1, eventsPerAppend: 10 },
] as const;
const WORKER = path.join(__dirname, 'append-worker.js');

interface Worker {
  ask(command: WorkerCommand): Promise<WorkerReply>;
  close(): Promise<void>;
}

/** A worker process answering one command at a time; one that dies fails the benchmark. */
const startWorker = (): Worker => {
  const child: ChildProcess = fork(WORKER, [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    ask: (command) =>
      new Promise((resolve, reject) => {
        const onExit = (code: number | null): void => reject(new Error(`an append worker exited with code ${code ?? 'none'}`));
        child.once('exit', onExit);
        child.once('message', (reply: WorkerReply) => {
          child.off('exit', onExit);
          resolve(reply);
        });
        child.send(command);
      }),
    close: async () => {
      if (child.exitCode === null && child.signalCode === null) child.send({ close: true } satisfies WorkerCommand);
      await exited;
    },
  };
};

const runSlice = async (worker: Worker, ms: number): Promise<{ appends: number; ms: number }> => {
  const reply = await worker.ask({ runMs: ms });
  if (!('appends' in reply)) throw new Error('a worker answered a run with something else');
  return reply;
};

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/** One repetition of one scenario: both stores open, warmed up, then alternated slice by slice. */
const compare = async (workloads: Record<StoreName, AppendWorkload>): Promise<Record<StoreName, number>> => {
  const workers = { keyward: startWorker(), emmett: startWorker() };
  try {
    for (const store of ['keyward', 'emmett'] as const) {
      await workers[store].ask({ open: workloads[store] });
      await runSlice(workers[store], WARM_UP_MS);
    }
    const totals = { keyward: { appends: 0, ms: 0 }, emmett: { appends: 0, ms: 0 } };
    const sliceMs = (SECONDS * 1_000) / SLICES;
    for (let slice = 0; slice < SLICES; slice++) {
      const order: StoreName[] = slice % 2 === 0 ? ['keyward', 'emmett'] : ['emmett', 'keyward'];
      for (const store of order) {
        const r = await runSlice(workers[store], sliceMs);
        totals[store].appends += r.appends;
        totals[store].ms += r.ms;
      }
    }
    return { keyward: (totals.keyward.appends * 1_000) / totals.keyward.ms, emmett: (totals.emmett.appends * 1_000) / totals.emmett.ms };
  } finally {
    await Promise.all([workers.keyward.close(), workers.emmett.close()]);
  }
};

const main = async (): Promise<void> => {
  const { databaseUrl } = infra();
  const suffix = `${process.pid}_${Date.now()}`;
  const databases: Record<StoreName, string> = { keyward: `bench_append_keyward_${suffix}`, emmett: `bench_append_emmett_${suffix}` };
  console.log(`machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'unknown CPU'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, node ${process.version}, load average ${os.loadavg()[0].toFixed(1)}`);
  console.log(`each store: ${WARM_UP_MS / 1_000} s warm-up, then ${SECONDS} s in ${SLICES} slices alternated with the other's; ${REPETITIONS} repetitions\n`);
  try {
    for (const name of Object.values(databases)) await sql(databaseUrl, `CREATE DATABASE ${name}`);
    const ratios = SCENARIOS.map(() => [] as number[]);
    for (let repetition = 0; repetition < REPETITIONS; repetition++) {
      for (const [i, scenario] of SCENARIOS.entries()) {
        const workload = (store: StoreName): AppendWorkload => ({ store, databaseUrl: withDatabase(databaseUrl, databases[store]), ...scenario });
        const rate = await compare({ keyward: workload('keyward'), emmett: workload('emmett') });
        ratios[i].push(rate.keyward / rate.emmett);
        const label = `${scenario.writers} writer(s) × ${scenario.eventsPerAppend} event(s)`.padEnd(24);
        console.log(
          `#${repetition + 1} ${label} keyward ${rate.keyward.toFixed(0).padStart(6)} appends/s   emmett ${rate.emmett.toFixed(0).padStart(6)} appends/s   keyward / emmett ${(rate.keyward / rate.emmett).toFixed(2)}`,
        );
      }
    }
    console.log(`\nmedian keyward / emmett (load average now ${os.loadavg()[0].toFixed(1)}):`);
    for (const [i, scenario] of SCENARIOS.entries()) console.log(`  ${scenario.writers} writer(s) × ${scenario.eventsPerAppend} event(s): ${median(ratios[i]).toFixed(2)}`);
  } finally {
    for (const name of Object.values(databases)) await sql(databaseUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  }
};

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
