import { fork, type ChildProcess } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { infra, sql, withDatabase } from './bench-database';
import type { AppendWorkload, StoreName, WorkerCommand, WorkerReply } from './append-worker';

/**
 * `npm run bench:append`: Keyward's PostgreSQL event store beside Emmett's on the same server,
 * each in a process and a database of its own, appending to new streams; and beside them the
 * floor, a bare one-statement commit of as many rows, which no durable append can beat (one WAL
 * flush each). The three take turns in short slices, the order rotating, so a neighbour's load
 * on the machine falls on all alike; the figures are multiples of Emmett's throughput within
 * each repetition.
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
const STORES: readonly StoreName[] = ['keyward', 'emmett', 'floor'];

const compare = async (workloads: Record<StoreName, AppendWorkload>): Promise<Record<StoreName, number>> => {
  const workers = STORES.map((store) => ({ store, worker: startWorker(), appends: 0, ms: 0 }));
  try {
    for (const w of workers) {
      await w.worker.ask({ open: workloads[w.store] });
      await runSlice(w.worker, WARM_UP_MS);
    }
    const sliceMs = (SECONDS * 1_000) / SLICES;
    for (let slice = 0; slice < SLICES; slice++) {
      for (let turn = 0; turn < workers.length; turn++) {
        const w = workers[(slice + turn) % workers.length];
        const r = await runSlice(w.worker, sliceMs);
        w.appends += r.appends;
        w.ms += r.ms;
      }
    }
    const rate = (store: StoreName): number => {
      const w = workers.find((x) => x.store === store);
      return w ? (w.appends * 1_000) / w.ms : 0;
    };
    return { keyward: rate('keyward'), emmett: rate('emmett'), floor: rate('floor') };
  } finally {
    await Promise.all(workers.map((w) => w.worker.close()));
  }
};

const main = async (): Promise<void> => {
  const { databaseUrl } = infra();
  const suffix = `${process.pid}_${Date.now()}`;
  const databases: Record<StoreName, string> = { keyward: `bench_append_keyward_${suffix}`, emmett: `bench_append_emmett_${suffix}`, floor: `bench_append_floor_${suffix}` };
  console.log(`machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'unknown CPU'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, node ${process.version}, load average ${os.loadavg()[0].toFixed(1)}`);
  console.log(`each: ${WARM_UP_MS / 1_000} s warm-up, then ${SECONDS} s in ${SLICES} slices taking turns with the others; ${REPETITIONS} repetitions\n`);
  try {
    for (const name of Object.values(databases)) await sql(databaseUrl, `CREATE DATABASE ${name}`);
    const ratios = SCENARIOS.map(() => ({ keyward: [] as number[], floor: [] as number[] }));
    for (let repetition = 0; repetition < REPETITIONS; repetition++) {
      for (const [i, scenario] of SCENARIOS.entries()) {
        const workload = (store: StoreName): AppendWorkload => ({ store, databaseUrl: withDatabase(databaseUrl, databases[store]), ...scenario });
        const rate = await compare({ keyward: workload('keyward'), emmett: workload('emmett'), floor: workload('floor') });
        ratios[i].keyward.push(rate.keyward / rate.emmett);
        ratios[i].floor.push(rate.floor / rate.emmett);
        const label = `${scenario.writers} writer(s) × ${scenario.eventsPerAppend} event(s)`.padEnd(24);
        const perSecond = STORES.map((store) => `${store} ${rate[store].toFixed(0).padStart(6)}/s`).join('   ');
        console.log(`#${repetition + 1} ${label} ${perSecond}   keyward / emmett ${(rate.keyward / rate.emmett).toFixed(2)}   floor / emmett ${(rate.floor / rate.emmett).toFixed(2)}`);
      }
    }
    console.log(`\nmedians (load average now ${os.loadavg()[0].toFixed(1)}):`);
    for (const [i, scenario] of SCENARIOS.entries()) {
      const label = `${scenario.writers} writer(s) × ${scenario.eventsPerAppend} event(s)`.padEnd(24);
      console.log(`  ${label} keyward / emmett ${median(ratios[i].keyward).toFixed(2)}   floor / emmett ${median(ratios[i].floor).toFixed(2)}`);
    }
  } finally {
    for (const name of Object.values(databases)) await sql(databaseUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  }
};

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
