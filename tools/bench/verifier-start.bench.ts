import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import { createInterface } from 'node:readline';
import { connect, type NatsConnection } from 'nats';
import { Client } from 'pg';
import { Subjects, type VerifyAnswer } from '@keyward/contracts';
import { generateKeySecret } from '@keyward/domain';
import { PostgresEventStore } from '@keyward/event-store/postgres';
import { infra, withDatabase } from './bench-database';
import { rssBytes, sleep, VERIFIER_MAIN } from './bench-env';
import { appendBenchKey } from './seed-keys';

/**
 * `npm run bench:verifier-start`: how long a verifier takes from process start to its first VALID
 * answer, and its memory, at 100,000 and 1,000,000 keys, replaying the whole history and starting
 * from an index snapshot, alternated. Needs the project's PostgreSQL and NATS (`npm run infra:up`);
 * uses a database of its own, dropped at the end.
 */
const SIZES = (process.env.BENCH_SIZES ?? '100000,1000000').split(',').map(Number);
const REPETITIONS = Number(process.env.BENCH_REPETITIONS ?? 2);
/** Every wait below is bounded: a verifier that does not answer in time fails the run. */
const ANSWER_BOUND_MS = 300_000;
const SETTLE_MS = 3_000;
const SEED_BATCH = 100_000;
/** The verifier's log line once it wrote (or chose not to write) a snapshot. */
const SAVED = /index snapshot (of \d+ keys saved|not saved)/;

type Mode = 'replay' | 'snapshot';



const mib = (bytes: number): string => `${(bytes / 2 ** 20).toFixed(0)} MiB`;

/** A verifier process, its exit awaited from the start: NestJS re-raises SIGTERM, so it may be gone before anyone asks. */
interface Verifier {
  readonly child: ChildProcess;
  readonly exited: Promise<void>;
  /** Its log lines about snapshots: which way it started, and what it wrote. */
  readonly snapshotLines: string[];
}

/** A log line's message: the services log one JSON object per line (`msg`); anything else is taken as it is. */
const messageOf = (line: string): string => {
  try {
    const { msg } = JSON.parse(line) as { msg?: unknown };
    return typeof msg === 'string' ? msg : line;
  } catch {
    return line;
  }
};

const spawnVerifier = (env: NodeJS.ProcessEnv): Verifier => {
  const child = spawn(process.execPath, [VERIFIER_MAIN], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const snapshotLines: string[] = [];
  for (const stream of [child.stdout, child.stderr])
    if (stream) createInterface({ input: stream }).on('line', (line) => {
      const message = messageOf(line);
      if (/snapshot/i.test(message)) snapshotLines.push(message.slice(0, 300));
    });
  return { child, exited, snapshotLines };
};

const stopVerifier = async ({ child, exited }: Verifier): Promise<void> => {
  if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
  const killed = setTimeout(() => child.kill('SIGKILL'), 15_000);
  await exited;
  clearTimeout(killed);
};

/** Asks until `accept` holds for the answer; answers the ms since `since`. */
const firstAnswer = async (nats: NatsConnection, probe: Uint8Array, accept: (a: VerifyAnswer) => boolean, since: number): Promise<number> => {
  while (performance.now() - since < ANSWER_BOUND_MS) {
    const answer = await nats
      .request(Subjects.verify, probe, { timeout: 250 })
      .then((m) => JSON.parse(new TextDecoder().decode(m.data)) as VerifyAnswer)
      .catch(() => undefined);
    if (answer && accept(answer)) return performance.now() - since;
    if (!answer) await sleep(20);
  }
  throw new Error(`no acceptable answer within ${ANSWER_BOUND_MS / 1_000} s`);
};

/**
 * KeyCreated events straight into the event table, in batches of one statement each: what a
 * writer would have appended, without its round trips. Their hashes match no secret; the probe
 * key appended after them is the one asked for.
 */
const seedKeys = async (sql: Client, from: number, to: number): Promise<void> => {
  for (let start = from; start < to; start += SEED_BATCH) {
    const end = Math.min(to, start + SEED_BATCH);
    await sql.query(
      `INSERT INTO public.keyward_events (stream_id, stream_version, event_id, type, data, metadata)
       SELECT 'key-' || k.id, 0, gen_random_uuid(), 'KeyCreated',
         jsonb_build_object('keyId', k.id, 'workspaceId', 'default', 'name', 'bench key ' || i, 'environment', 'live',
           'secretHash', encode(sha256(convert_to(k.id || random()::text, 'UTF8')), 'hex'), 'prefix', 'kw_live_0000', 'lastFour', '0000',
           'createdAt', now()::text, 'expiresAt', null, 'roles', '[]'::jsonb, 'permissions', '{}'::jsonb, 'unrestricted', true),
         jsonb_build_object('workspaceId', 'default', 'actor', 'system', 'correlationId', k.id, 'causationId', k.id, 'occurredAt', now()::text, 'schemaVersion', 1)
       FROM generate_series($1::int, $2::int - 1) AS i, LATERAL (SELECT 'key_' || lpad(i::text, 24, '0') AS id) AS k`,
      [start, end],
    );
  }
};

interface Run {
  readonly mode: Mode;
  readonly firstValidMs: number;
  readonly rss: number;
  readonly note: string;
}

const main = async (): Promise<void> => {
  const { databaseUrl, natsUrl } = infra();
  const dbName = `keyward_bench_start_${Date.now()}`;
  const admin = new Client({ connectionString: databaseUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${dbName}`);
  const benchDb = withDatabase(databaseUrl, dbName);
  const pepperText = randomBytes(32).toString('base64url');
  const pepper = Buffer.from(pepperText);
  const env = { ...process.env, DATABASE_URL: benchDb, NATS_URL: natsUrl, KEYWARD_PEPPER: pepperText };
  const nats = await connect({ servers: natsUrl, name: 'keyward-bench-start' });
  const store = PostgresEventStore.fromConnectionString(`${benchDb}?options=-c%20synchronous_commit%3Doff`);
  const sql = new Client({ connectionString: benchDb });
  await sql.connect();
  const running = new Set<Verifier>();
  const encode = (key: string): Uint8Array => new TextEncoder().encode(JSON.stringify({ key }));
  try {
    // Empty: the same process with no history, once it answers at all.
    await appendBenchKey(store, pepper, 'bench probe'); // creates the event table
    const empty = spawnVerifier(env);
    running.add(empty);
    await firstAnswer(nats, encode(generateKeySecret('live')), (a) => a.code !== 'UNAVAILABLE', performance.now());
    await sleep(SETTLE_MS);
    const baseline = rssBytes(empty.child.pid ?? 0);
    await stopVerifier(empty);
    running.delete(empty);

    console.log(`machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'unknown CPU'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, node ${process.version}, load ${os.loadavg()[0].toFixed(1)} at the start (shared with other work)`);
    console.log(`verifier RSS with an empty history: ${mib(baseline)}\n`);
    let seeded = 0;
    for (const size of SIZES) {
      const seedStart = performance.now();
      await seedKeys(sql, seeded, size - 2);
      seeded = size - 2;
      const probe = encode(await appendBenchKey(store, pepper, 'bench probe'));
      console.log(`${size} keys: seeded in ${((performance.now() - seedStart) / 1_000).toFixed(1)} s`);
      const runs: Run[] = [];
      for (let rep = 0; rep < REPETITIONS; rep++)
        for (const mode of ['replay', 'snapshot'] as const) {
          if (mode === 'replay') await sql.query('TRUNCATE public.keyward_index_snapshots CASCADE').catch(() => undefined);
          const started = performance.now();
          const verifier = spawnVerifier(env);
          running.add(verifier);
          const firstValidMs = await firstAnswer(nats, probe, (a) => a.code === 'VALID', started);
          // A replay writes a snapshot once caught up: wait for it, so the next start has one and RSS is measured after it.
          if (mode === 'replay') for (let i = 0; i < 600 && !verifier.snapshotLines.some((l) => SAVED.test(l)); i++) await sleep(500);
          await sleep(SETTLE_MS);
          const rss = rssBytes(verifier.child.pid ?? 0);
          await stopVerifier(verifier);
          running.delete(verifier);
          const run = { mode, firstValidMs, rss, note: verifier.snapshotLines.join(' | ') };
          runs.push(run);
          console.log(`  ${mode.padEnd(8)} first VALID after ${(firstValidMs / 1_000).toFixed(1).padStart(5)} s   RSS ${mib(rss).padStart(8)}   ${((rss - baseline) / size).toFixed(0).padStart(4)} B/key   ${run.note}`);
        }
      for (const mode of ['replay', 'snapshot'] as const) {
        const mine = runs.filter((r) => r.mode === mode).map((r) => r.firstValidMs).sort((a, b) => a - b);
        console.log(`  ${mode}: median first VALID ${(mine[Math.floor(mine.length / 2)] / 1_000).toFixed(1)} s over ${mine.length} starts`);
      }
      console.log('');
    }
    console.log(`load ${os.loadavg()[0].toFixed(1)} at the end`);
  } finally {
    for (const v of running) await stopVerifier(v);
    await nats.drain();
    await store.close();
    await sql.end();
    await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
    await admin.end();
  }
};

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
