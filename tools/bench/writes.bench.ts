import os from 'node:os';
import path from 'node:path';
import { ROOT } from './bench-env';
import { BenchInfra, BenchStack, type BenchService } from './bench-stack';
import { cpuMsBetween, readCpu, type CpuReading } from './process-cpu';
import { sampleChainLag } from './chain-lag';
import { HttpLoad, type HttpCall } from './http-load';
import type { LoadResult } from './load';

/**
 * `npm run bench:writes`: the admin API's writes through the whole stack (gateway, key-command,
 * projector, verifiers), each answered only after every follower applied it. Starts PostgreSQL,
 * NATS and the services itself (ports from KEYWARD_PG_PORT / KEYWARD_NATS_PORT, data under
 * KEYWARD_DATA_DIR) and stops all it started. The caller is an ordinary admin key, so every
 * request is authenticated by a verifier, as in production.
 *   BENCH_SECONDS   length of each measured run (default 10)
 *   BENCH_VERIFIERS verifier counts to run, one fresh stack each (default 1,3)
 *   BENCH_CPU_PROF  a folder: the services write V8 CPU profiles there (slower; for profiling)
 *   BENCH_BASELINE  another checkout, built: its services run too, alternated with these, so that
 *                   before and after are compared on the same machine at the same time
 *   BENCH_REPEAT    how many times each configuration runs (default 1)
 */
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const VERIFIERS = (process.env.BENCH_VERIFIERS ?? '1,3').split(',').map(Number);
const CONNECTIONS = 8;
const DATA_DIR = path.resolve(ROOT, process.env.KEYWARD_DATA_DIR ?? '.data/bench-writes');
const CPU_PROF = process.env.BENCH_CPU_PROF ? path.resolve(process.env.BENCH_CPU_PROF) : undefined;
const REPEAT = Number(process.env.BENCH_REPEAT ?? 1);
const BUILDS: ReadonlyArray<{ label: string; root: string }> = [
  ...(process.env.BENCH_BASELINE ? [{ label: 'baseline', root: path.resolve(process.env.BENCH_BASELINE) }] : []),
  { label: 'this build', root: ROOT },
];
const SERVICES: readonly BenchService[] = ['gateway', 'key-command', 'projector', 'verifier'];
type Measured = BenchService | 'postgres' | 'nats';
const MEASURED: readonly Measured[] = [...SERVICES, 'postgres', 'nats'];

/** The CPU used so far by each service's and each server's processes. */
const cpuNow = (stack: BenchStack, infra: BenchInfra): Map<Measured, CpuReading> => {
  const servers = infra.pids();
  const pids = (m: Measured): number[] => (m === 'postgres' || m === 'nats' ? servers[m] : stack.pids(m));
  return new Map(MEASURED.map((m) => [m, readCpu(pids(m))]));
};

const row = (label: string, r: LoadResult): string =>
  `  ${label.padEnd(26)} ${r.perSecond.toFixed(0).padStart(6)}/s   p50 ${r.p50Ms.toFixed(1).padStart(6)} ms   p99 ${r.p99Ms.toFixed(1).padStart(6)} ms   (${r.requests})`;

const createCall = (): HttpCall => ({ method: 'POST', path: '/v1/keys', body: { name: 'bench key' } });

/** A queue of the keys created so far, handed out once each. */
const keyQueue = (ids: string[]): (() => string | undefined) => {
  let next = 0;
  return () => ids[next++];
};

/** CPU milliseconds each service and server used while `work` ran. */
const cpuDuring = async <T>(stack: BenchStack, infra: BenchInfra, work: () => Promise<T>): Promise<{ result: T; cpu: Map<Measured, number> }> => {
  const before = cpuNow(stack, infra);
  const result = await work();
  const after = cpuNow(stack, infra);
  return { result, cpu: new Map(MEASURED.map((m) => [m, cpuMsBetween(before.get(m) ?? new Map(), after.get(m) ?? new Map())])) };
};

const runOneStack = async (infra: BenchInfra, verifiers: number, build: { label: string; root: string }): Promise<void> => {
  const stack = await BenchStack.start(infra, { verifiers, dataDir: DATA_DIR, root: build.root, cpuProfileDir: CPU_PROF });
  const root = new HttpLoad(stack.baseUrl, stack.rootKey, 1);
  let load: HttpLoad | undefined;
  try {
    const admin = await root.send(createCall());
    load = new HttpLoad(stack.baseUrl, (JSON.parse(admin.body) as { key: string }).key, CONNECTIONS);
    const ids: string[] = [];
    const keep = (answer: { body: string }): void => void ids.push((JSON.parse(answer.body) as { id: string }).id);
    await load.run(createCall, CONNECTIONS, 2, 201, keep); // warm-up
    const {
      result: { result: creates, cpu },
      lag,
    } = await sampleChainLag(stack.databaseUrl, () => cpuDuring(stack, infra, () => (load as HttpLoad).run(createCall, CONNECTIONS, SECONDS, 201, keep)));
    const one = await load.run(createCall, 1, SECONDS / 2, 201, keep);
    const revokeIds = keyQueue(ids.slice(0, Math.floor(ids.length / 2)));
    const revoke = (): HttpCall | undefined => {
      const id = revokeIds();
      return id === undefined ? undefined : { method: 'POST', path: `/v1/keys/${id}/revoke`, body: {} };
    };
    const revokes = await load.run(revoke, 1, SECONDS / 2, 200);
    const roleIds = keyQueue(ids.slice(Math.floor(ids.length / 2)));
    const roleEdit = (): HttpCall | undefined => {
      const id = roleIds();
      return id === undefined ? undefined : { method: 'PUT', path: `/v1/keys/${id}/roles`, body: { roles: ['read-only'] } };
    };
    const roleEdits = await load.run(roleEdit, 1, SECONDS / 2, 200);
    const revokesAt8 = await load.run(revoke, CONNECTIONS, SECONDS / 2, 200);

    console.log(`\n${verifiers} verifier${verifiers === 1 ? '' : 's'}, ${build.label}:`);
    console.log(row(`create, ${CONNECTIONS} connections`, creates));
    const perCreate = (m: Measured): number => (cpu.get(m) ?? 0) / creates.requests;
    const total = MEASURED.reduce((sum, m) => sum + perCreate(m), 0);
    console.log(`    CPU per create: ${total.toFixed(2)} ms = ${MEASURED.map((m) => `${m} ${perCreate(m).toFixed(2)}`).join(', ')}`);
    console.log(
      `    hash chain behind the history, sampled every 50 ms (${lag.samples}): p50 ${lag.p50Events} events, max ${lag.maxEvents}; oldest unlinked event p50 ${lag.p50Ms.toFixed(0)} ms, p99 ${lag.p99Ms.toFixed(0)} ms, max ${lag.maxMs.toFixed(0)} ms`,
    );
    console.log(row('create, one at a time', one));
    console.log(row('revoke, one at a time', revokes));
    console.log(row('set roles, one at a time', roleEdits));
    console.log(row(`revoke, ${CONNECTIONS} connections`, revokesAt8));
  } finally {
    root.close();
    load?.close();
    await stack.stop();
  }
};

const main = async (): Promise<void> => {
  console.log(`machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'unknown CPU'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, node ${process.version}`);
  console.log(`each run ${SECONDS} s (one-at-a-time runs ${SECONDS / 2} s); every write waits for the projector and every verifier`);
  const infra = await BenchInfra.up(DATA_DIR);
  try {
    for (const verifiers of VERIFIERS) for (let i = 0; i < REPEAT; i++) for (const build of BUILDS) await runOneStack(infra, verifiers, build);
  } finally {
    await infra.down();
  }
};

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
