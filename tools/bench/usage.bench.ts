import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { connect, type NatsConnection } from 'nats';
import { Subjects, UsageStream, type UsageBatch } from '@keyward/contracts';
import { newUuidV7 } from '@keyward/domain';
import { ensureUsageStream } from '@keyward/platform';
import { createBenchDatabase } from './bench-database';
import { ROOT, sleep } from './bench-env';
import { hasExited, stopChild } from './child-process';
import { runBench, type Cleanup } from './cleanup';
import { runLoad, summarize } from './load';
import { seedKeys } from './seed-keys';
import { startVerifiers } from './verifier-process';

/**
 * `npm run bench:usage`: the usage projector (in the projector process) under the verify bench's
 * load — batches and counts it applies per second and how far behind the verifiers' flushes it
 * runs — and its capacity, with batches published straight to the usage stream as fast as it takes
 * them. Run through infra/scripts/bench.js (its own PostgreSQL database; the NATS it is given must
 * not be a production one: the bench's batches would land in its usage stream).
 */
const KEYS = Number(process.env.BENCH_KEYS ?? 10_000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const VERIFIERS = Number(process.env.BENCH_VERIFIERS ?? 2);
const IN_FLIGHT = 64;
/** The synthetic batches: as many as 2 verifiers flush in this many seconds, each with this many keys. */
const CAPACITY_BATCHES = 2_000;
const CAPACITY_ENTRIES = 100;
const SAMPLE_MS = 250;
const DRAIN_MS = Number(process.env.BENCH_DRAIN_MS ?? 60_000);

const required = (name: string): string => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run this through "npm run bench:usage"`);
  return value;
};

/** The projector's metrics: it logs its ops port (any free one) at start. */
const startProjector = async (env: NodeJS.ProcessEnv, onStarted: (child: ChildProcess) => void): Promise<{ child: ChildProcess; metricsUrl: string; warnings: () => string[] }> => {
  const child = spawn(process.execPath, [path.join(ROOT, 'apps/projector/dist/main.js')], { env: { ...env, KEYWARD_PROJECTOR_METRICS_PORT: '0' }, stdio: ['ignore', 'pipe', 'inherit'] });
  onStarted(child);
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output = (output + chunk.toString('utf8')).slice(-100_000)));
  for (const deadline = Date.now() + 60_000; Date.now() < deadline; await sleep(100)) {
    if (hasExited(child)) throw new Error('the projector exited at start');
    const port = /"opsPort":(\d+)/.exec(output)?.[1];
    if (port) return { child, metricsUrl: `http://127.0.0.1:${port}/metrics`, warnings: () => output.split('\n').filter((l) => /"level":"(warn|error|fatal)"/.test(l)).slice(-5) };
  }
  throw new Error('the projector did not log its ops port within 60 s');
};

interface UsageProgress {
  readonly applied: number;
  readonly counts: number;
  readonly lagSeconds: number;
}

const metric = (text: string, pattern: RegExp): number => Number(pattern.exec(text)?.[1] ?? 0);

const progressOf = async (metricsUrl: string): Promise<UsageProgress> => {
  const text = await (await fetch(metricsUrl)).text();
  return {
    applied: metric(text, /^keyward_usage_batches_applied_total\{outcome="applied"[^}]*\} (\S+)$/m),
    counts: metric(text, /^keyward_usage_counts_applied_total(?:\{[^}]*\})? (\S+)$/m),
    lagSeconds: metric(text, /^keyward_usage_lag_seconds(?:\{[^}]*\})? (\S+)$/m),
  };
};

/** Until the projector has applied `counts` in all (bounded); answers when it got there. */
const untilCounted = async (metricsUrl: string, counts: number): Promise<number> => {
  let applied = 0;
  for (const deadline = Date.now() + DRAIN_MS; Date.now() < deadline; await sleep(50)) if ((applied = (await progressOf(metricsUrl)).counts) >= counts) return performance.now();
  const usage = (await (await fetch(metricsUrl)).text()).split('\n').filter((l) => l.startsWith('keyward_usage'));
  throw new Error(`the projector applied ${applied} counts of ${counts} within ${DRAIN_MS / 1_000} s:\n${usage.join('\n')}`);
};

const percentileOf = (values: readonly number[], p: number): number => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * p))] ?? 0;

const underVerifyLoad = async (nats: NatsConnection, payloads: readonly Uint8Array[], metricsUrl: string): Promise<void> => {
  const before = await progressOf(metricsUrl);
  const lags: number[] = [];
  let sampling = true;
  const sampler = (async () => {
    for (let last = before.applied; sampling; await sleep(SAMPLE_MS)) {
      const now = await progressOf(metricsUrl);
      if (now.applied > last) lags.push(now.lagSeconds);
      last = now.applied;
    }
  })();
  const sample = await runLoad(nats, Subjects.verify, payloads, IN_FLIGHT, SECONDS);
  const loadEnded = performance.now();
  sampling = false;
  await sampler;
  const load = summarize([sample]);
  // Every seeded key answers VALID, and each answer is one count.
  const countedAt = await untilCounted(metricsUrl, before.counts + load.requests);
  const after = await progressOf(metricsUrl);
  const seconds = (countedAt - loadEnded) / 1_000 + SECONDS;
  console.log(`under verify load (${VERIFIERS} verifiers, ${IN_FLIGHT} in flight, ${SECONDS} s): ${load.perSecond.toFixed(0)} verifies/s`);
  console.log(`  applied ${after.applied - before.applied} batches, ${after.counts - before.counts} counts: ${((after.applied - before.applied) / seconds).toFixed(1)} batches/s, ${((after.counts - before.counts) / seconds).toFixed(0)} counts/s`);
  console.log(`  lag (batch sealed → committed) while loaded: p50 ${(percentileOf(lags, 0.5) * 1_000).toFixed(0)} ms, p99 ${(percentileOf(lags, 0.99) * 1_000).toFixed(0)} ms, max ${(Math.max(0, ...lags) * 1_000).toFixed(0)} ms (${lags.length} samples)`);
  console.log(`  last count applied ${(countedAt - loadEnded).toFixed(0)} ms after the load ended (includes the verifiers' flush interval)\n`);
};

/** Batches as verifiers make them, straight onto the stream, then how fast the projector empties it. */
const capacity = async (nats: NatsConnection, metricsUrl: string): Promise<void> => {
  const before = await progressOf(metricsUrl);
  const js = nats.jetstream();
  const hour = new Date(Date.now() - (Date.now() % 3_600_000)).toISOString();
  const started = performance.now();
  for (let b = 0; b < CAPACITY_BATCHES; b++) {
    const batch: UsageBatch = {
      batchId: newUuidV7(),
      entries: Array.from({ length: CAPACITY_ENTRIES }, (_, e) => ({
        workspaceId: 'default',
        keyId: `key_bench${String((b * 7 + e) % 5_000).padStart(15, '0')}`,
        hour,
        counts: { VALID: 10, INSUFFICIENT_PERMISSIONS: 1 },
        lastValidAt: new Date().toISOString(),
      })),
    };
    await js.publish(UsageStream.batches, Buffer.from(JSON.stringify(batch)), { msgID: batch.batchId });
  }
  const published = performance.now();
  const countedAt = await untilCounted(metricsUrl, before.counts + CAPACITY_BATCHES * CAPACITY_ENTRIES * 11);
  const seconds = (countedAt - started) / 1_000;
  console.log(`capacity: ${CAPACITY_BATCHES} batches of ${CAPACITY_ENTRIES} keys (published in ${((published - started) / 1_000).toFixed(1)} s, applied by ${seconds.toFixed(1)} s)`);
  console.log(`  ${(CAPACITY_BATCHES / seconds).toFixed(0)} batches/s, ${((CAPACITY_BATCHES * CAPACITY_ENTRIES) / seconds).toFixed(0)} key-hours/s, ${((CAPACITY_BATCHES * CAPACITY_ENTRIES * 11) / seconds).toFixed(0)} counts/s\n`);
};

const main = async (cleanup: Cleanup): Promise<void> => {
  const natsUrl = required('NATS_URL');
  const database = await createBenchDatabase(required('DATABASE_URL'));
  cleanup.add(database.drop);
  const pepperText = randomBytes(32).toString('base64url');
  const env = { ...process.env, DATABASE_URL: database.url, NATS_URL: natsUrl, KEYWARD_PEPPER: pepperText };
  const nats = await connect({ servers: natsUrl, name: 'keyward-bench' });
  cleanup.add(() => nats.drain());
  const running = new Set<ChildProcess>();
  cleanup.add(async () => void (await Promise.all([...running].map(stopChild))));
  await ensureUsageStream(nats);

  const { secrets } = await seedKeys(database.url, Buffer.from(pepperText), KEYS);
  const payloads = secrets.map((key) => Buffer.from(JSON.stringify({ key })));
  const { metricsUrl, warnings } = await startProjector(env, (child) => running.add(child));
  cleanup.add(async () => void (warnings().length && console.error(`the projector warned:\n${warnings().join('\n')}`)));
  await startVerifiers(VERIFIERS, env, nats, (child) => running.add(child));
  // What an earlier run left on the stream is applied first, so that it is not measured.
  for (let last = -1, now = (await progressOf(metricsUrl)).applied; now !== last; await sleep(2_000)) [last, now] = [now, (await progressOf(metricsUrl)).applied];

  console.log(`machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'unknown CPU'}, load average ${os.loadavg()[0].toFixed(2)}; ${KEYS} keys\n`);
  await underVerifyLoad(nats, payloads, metricsUrl);
  await capacity(nats, metricsUrl);
};

runBench(main);
