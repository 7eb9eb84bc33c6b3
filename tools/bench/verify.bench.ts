import { fork, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { connect, type NatsConnection } from 'nats';
import { Subjects } from '@keyward/contracts';
import { PostgresEventStore } from '@keyward/event-store/postgres';
import { createBenchDatabase } from './bench-database';
import { natsServerPid } from './bench-stack';
import { infraDataDir, rssBytes, sleep } from './bench-env';
import { stopChild } from './child-process';
import { runBench, type Cleanup } from './cleanup';
import { appendBenchKey, seedKeys } from './seed-keys';
import { ECHO_SUBJECT, WORK_ECHO_SUBJECT } from './echo-responder';
import { SIX_TERM_QUERY } from './six-term-query';
import { compareSides, compareWithEcho, describeComparison, type WatchedProcess } from './verify-vs-echo';
import { decodeAnswer, startVerifiers } from './verifier-process';

/**
 * `npm run bench:verify`: verify throughput and latency against the verifier, beside a bare NATS
 * echo responder on the same server, alternated, and the verifier's memory per key.
 * `npm run bench:verify -- --scale-out`: verify throughput with 1, 2 and 4 verifiers in the queue group.
 * `-- --rate-limited`: three verifiers; one key with a rate limit it never reaches (every verify takes
 * its place in the shared count) against the echo, then the unlimited keys against the echo.
 * `-- --features`: issue 14's figures at 64 in flight, one verifier: a 6-term permission query
 * against the same keys' plain verify; one key with credits, and one with 3 named limits (never
 * exhausted, so every verify spends from the shared counts), each against the echo.
 * `-- --work-echo`: a second echo also does what any verify must (JSON, keyed hash, a verify-sized
 * answer); at each load it is compared with the bare echo (the cost of that work), then the verifier
 * with it (the cost of the verifier itself: index, freshness, usage, metrics, the Nest process).
 * Run through infra/scripts/bench.js, which gives it DATABASE_URL and NATS_URL; it makes a
 * database of its own and removes it, and stops every process it started, however it ends.
 */
const KEYS = Number(process.env.BENCH_KEYS ?? 100_000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const REPETITIONS = 3;
const IN_FLIGHT = [1, 64, 256];
const SCALE_OUT = [1, 2, 4];
const SCALE_OUT_IN_FLIGHT = [64, 256];
const RATE_LIMITED_VERIFIERS = 3;
const RATE_LIMITED_IN_FLIGHT = 64;
/** Far above what the machine can verify in a second: every verify is granted, and pays for the shared count. */
const BENCH_RATE_LIMIT = { limit: 1_000_000, windowSeconds: 1 };
const FEATURES_IN_FLIGHT = 64;
/** More credits than any run can spend: every verify spends from the shared count and none is refused. */
const BENCH_CREDITS = { remaining: 1_000_000_000_000 };
const BENCH_NAMED_LIMITS = ['requests', 'tokens', 'writes'].map((name) => ({ name, limit: 1_000_000, windowSeconds: 1, autoApply: true }));
/** Lets a started verifier's heap settle before its resident size is read. */
const SETTLE_MS = 2_000;
const POLL_MS = 100;
const VALID_POLLS = 300;

const required = (name: string): string => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run this through "npm run bench:verify"`);
  return value;
};

const pidsOf = (children: readonly ChildProcess[]): number[] => children.flatMap((c) => (c.pid === undefined ? [] : [c.pid]));

const encode = (key: string): Uint8Array => Buffer.from(JSON.stringify({ key }));
const mib = (bytes: number): string => `${(bytes / 2 ** 20).toFixed(1)} MiB`;

/**
 * A caught-up verifier may still miss the last keys seeded: the store hands out only events below
 * every open transaction (an autovacuum's, say), and the next read a moment later brings them.
 */
const untilValid = async (nats: NatsConnection, payload: Uint8Array): Promise<void> => {
  let code = 'none';
  for (let i = 0; i < VALID_POLLS && code !== 'VALID'; i++) {
    if (i > 0) await sleep(POLL_MS);
    code = decodeAnswer((await nats.request(Subjects.verify, payload, { timeout: 5_000 })).data).code;
  }
  if (code !== 'VALID') throw new Error(`a seeded key still answers ${code}, not VALID`);
};

const startEcho = (natsUrl: string, work: boolean, env: NodeJS.ProcessEnv, cleanup: Cleanup): Promise<ChildProcess> => {
  const echo = fork(path.join(__dirname, 'echo-responder.js'), [natsUrl, ...(work ? ['work'] : [])], { env, stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
  cleanup.add(() => stopChild(echo));
  return new Promise((resolve, reject) => {
    echo.once('message', () => resolve(echo));
    echo.once('exit', () => reject(new Error('the echo responder exited before it was ready')));
  });
};

const main = async (cleanup: Cleanup): Promise<void> => {
  const scaleOut = process.argv.includes('--scale-out');
  const rateLimited = process.argv.includes('--rate-limited');
  const workEcho = process.argv.includes('--work-echo');
  const features = process.argv.includes('--features');
  const natsUrl = required('NATS_URL');
  const database = await createBenchDatabase(required('DATABASE_URL'));
  cleanup.add(database.drop);
  // The services use the UTF-8 bytes of KEYWARD_PEPPER as the pepper.
  const pepperText = randomBytes(32).toString('base64url');
  const env = { ...process.env, DATABASE_URL: database.url, NATS_URL: natsUrl, KEYWARD_PEPPER: pepperText };
  const nats: NatsConnection = await connect({ servers: natsUrl, name: 'keyward-bench' });
  cleanup.add(() => nats.drain());
  const running = new Set<ChildProcess>();
  cleanup.add(async () => void (await Promise.all([...running].map(stopChild))));
  const verifiers = async (count: number): Promise<ChildProcess[]> => startVerifiers(count, env, nats, (child) => running.add(child));
  const stopVerifiers = async (children: readonly ChildProcess[]): Promise<void> => void (await Promise.all(children.map(stopChild)));
  const echo = await startEcho(natsUrl, false, env, cleanup);
  const workingEcho = workEcho ? await startEcho(natsUrl, true, env, cleanup) : undefined;
  const natsPid = natsServerPid(infraDataDir());
  /** This process (the load), nats-server when infra:up started it here, the echo and the verifiers: their CPU per request. */
  const watched = (responders: readonly ChildProcess[]): WatchedProcess[] => [
    { label: 'load', pids: [process.pid] },
    ...(natsPid === undefined ? [] : [{ label: 'nats-server', pids: [natsPid] }]),
    { label: 'echo', pids: pidsOf([echo]) },
    ...(workingEcho ? [{ label: 'echo+work', pids: pidsOf([workingEcho]) }] : []),
    { label: responders.length > 1 ? 'verifiers' : 'verifier', pids: pidsOf(responders) },
  ];

  let baseline = 0;
  if (!scaleOut && !rateLimited && !features) {
    // Memory baseline: the same process with an empty history.
    const [empty] = await verifiers(1);
    await sleep(SETTLE_MS);
    baseline = rssBytes(empty.pid);
    await stopVerifiers([empty]);
  }

  const seedStart = performance.now();
  const { secrets, last } = await seedKeys(database.url, Buffer.from(pepperText), KEYS);
  console.log(`seeded ${KEYS} keys in ${((performance.now() - seedStart) / 1_000).toFixed(1)} s`);
  const payloads = secrets.map(encode);
  const limitedStore = PostgresEventStore.fromConnectionString(database.url);
  const limited = rateLimited ? encode(await appendBenchKey(limitedStore, Buffer.from(pepperText), 'bench limited', { ratelimit: BENCH_RATE_LIMIT })) : undefined;
  const featureKeys = features
    ? {
        credits: encode(await appendBenchKey(limitedStore, Buffer.from(pepperText), 'bench credits', { credits: BENCH_CREDITS })),
        named: encode(await appendBenchKey(limitedStore, Buffer.from(pepperText), 'bench named limits', { ratelimits: BENCH_NAMED_LIMITS })),
      }
    : undefined;
  await limitedStore.close();

  console.log(`machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'unknown CPU'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, node ${process.version}, load average ${os.loadavg()[0].toFixed(2)}`);
  console.log(`each run: ${SECONDS} s, ${REPETITIONS} repetitions alternating echo and verify, requests cycle through ${payloads.length} distinct keys\n`);

  if (limited) return compareRateLimited(nats, limited, payloads, verifiers, stopVerifiers, watched);
  if (featureKeys) return compareFeatures(nats, secrets, featureKeys, verifiers, stopVerifiers, watched);
  const counts = scaleOut ? SCALE_OUT : [1];
  for (const count of counts) {
    const loadStart = performance.now();
    const started = await verifiers(count);
    console.log(`${count} verifier(s) caught up with ${KEYS} keys in ${((performance.now() - loadStart) / 1_000).toFixed(1)} s`);
    await untilValid(nats, encode(last));
    if (!scaleOut) {
      await sleep(SETTLE_MS);
      const loaded = rssBytes(started[0].pid);
      console.log(`verifier RSS: ${mib(baseline)} empty, ${mib(loaded)} with ${KEYS} keys: ${((loaded - baseline) / KEYS).toFixed(0)} bytes per key\n`);
    }
    for (const inFlight of scaleOut ? SCALE_OUT_IN_FLIGHT : IN_FLIGHT) {
      if (!workEcho) {
        console.log(`${describeComparison(await compareWithEcho(nats, payloads, inFlight, SECONDS, REPETITIONS, watched(started)), 'echo')}\n`);
        continue;
      }
      const [bare, working, verify] = [ECHO_SUBJECT, WORK_ECHO_SUBJECT, Subjects.verify].map((subject) => ({ subject, payloads }));
      console.log(`${describeComparison(await compareSides(nats, bare, working, inFlight, SECONDS, REPETITIONS, watched(started)), 'echo', 'echo+work')}\n`);
      console.log(`${describeComparison(await compareSides(nats, working, verify, inFlight, SECONDS, REPETITIONS, watched(started)), 'echo+work')}\n`);
    }
    await stopVerifiers(started);
    for (const child of started) running.delete(child);
  }
};

/** One limited key, all calls on it (the hottest case for its shared count), then the unlimited keys, each against the echo. */
const compareRateLimited = async (
  nats: NatsConnection,
  limited: Uint8Array,
  unlimited: readonly Uint8Array[],
  verifiers: (count: number) => Promise<ChildProcess[]>,
  stop: (children: readonly ChildProcess[]) => Promise<void>,
  watched: (responders: readonly ChildProcess[]) => WatchedProcess[],
): Promise<void> => {
  const started = await verifiers(RATE_LIMITED_VERIFIERS);
  await untilValid(nats, limited);
  const answer = decodeAnswer((await nats.request(Subjects.verify, limited, { timeout: 5_000 })).data);
  if (answer.code !== 'VALID' || !answer.ratelimit || answer.ratelimit.degraded) throw new Error(`the limited key answers ${JSON.stringify({ code: answer.code, ratelimit: answer.ratelimit })}`);
  console.log(`${RATE_LIMITED_VERIFIERS} verifiers; the limited key: ${JSON.stringify(answer.ratelimit)}\n`);
  console.log(`rate-limited key (limit ${BENCH_RATE_LIMIT.limit} per ${BENCH_RATE_LIMIT.windowSeconds} s, never reached):`);
  console.log(`${describeComparison(await compareWithEcho(nats, [limited], RATE_LIMITED_IN_FLIGHT, SECONDS, REPETITIONS, watched(started)), 'echo')}\n`);
  console.log('keys without a limit:');
  console.log(`${describeComparison(await compareWithEcho(nats, unlimited, RATE_LIMITED_IN_FLIGHT, SECONDS, REPETITIONS, watched(started)), 'echo')}\n`);
  await stop(started);
};

/** Issue 14's three ratios, each side answered by the same verifier. */
const compareFeatures = async (
  nats: NatsConnection,
  secrets: readonly string[],
  keys: { readonly credits: Uint8Array; readonly named: Uint8Array },
  verifiers: (count: number) => Promise<ChildProcess[]>,
  stop: (children: readonly ChildProcess[]) => Promise<void>,
  watched: (responders: readonly ChildProcess[]) => WatchedProcess[],
): Promise<void> => {
  const started = await verifiers(1);
  const plain = secrets.map(encode);
  const queried = secrets.map((key) => Buffer.from(JSON.stringify({ key, require: SIX_TERM_QUERY })));
  await untilValid(nats, keys.named);
  for (const [label, payload] of [['credits', keys.credits], ['named limits', keys.named], ['query', queried[0]]] as const) {
    const answer = decodeAnswer((await nats.request(Subjects.verify, payload, { timeout: 5_000 })).data);
    if (answer.code !== 'VALID') throw new Error(`the ${label} key answers ${answer.code}`);
  }
  const verify = { subject: Subjects.verify };
  const echo = { subject: ECHO_SUBJECT };
  console.log(`${describeComparison(await compareSides(nats, { ...verify, payloads: plain }, { ...verify, payloads: queried }, FEATURES_IN_FLIGHT, SECONDS, REPETITIONS, watched(started)), 'plain', '6-term query')}\n`);
  console.log(`${describeComparison(await compareSides(nats, { ...echo, payloads: [keys.credits] }, { ...verify, payloads: [keys.credits] }, FEATURES_IN_FLIGHT, SECONDS, REPETITIONS, watched(started)), 'echo', 'credits')}\n`);
  console.log(`${describeComparison(await compareSides(nats, { ...echo, payloads: [keys.named] }, { ...verify, payloads: [keys.named] }, FEATURES_IN_FLIGHT, SECONDS, REPETITIONS, watched(started)), 'echo', '3 named limits')}\n`);
  await stop(started);
};

runBench(main);
