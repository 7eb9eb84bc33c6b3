import { fork, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import { connect, type NatsConnection } from 'nats';
import { Subjects, keyStreamId, type KeyCreated, type VerifyAnswer } from '@keyward/contracts';
import { generateKeySecret, hashKeySecret, newKeyId } from '@keyward/domain';
import { PostgresEventStore } from '@keyward/event-store/postgres';
import { infra, sql, withDatabase } from './bench-database';
import { ECHO_SUBJECT, runEchoResponder } from './echo-responder';
import { runLoad, type LoadResult } from './load';
import { rssBytes, sleep, VERIFIER_MAIN } from './bench-env';

/**
 * `npm run bench:verify`: verify throughput and latency against one verifier process, beside a
 * bare NATS echo responder on the same server, and the verifier's memory per key at 100,000 keys.
 * Needs the project's PostgreSQL and NATS (`npm run infra:up`); uses a database of its own.
 */
const KEYS = Number(process.env.BENCH_KEYS ?? 100_000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const IN_FLIGHT = [1, 64, 256];

/** Seeds `count` keys straight into the event store, returning some of their secrets. */
const seedKeys = async (databaseUrl: string, pepper: Buffer, count: number): Promise<string[]> => {
  // Seeding is not what is measured: relax durability for these bulk appends only.
  const store = PostgresEventStore.fromConnectionString(`${databaseUrl}?options=-c%20synchronous_commit%3Doff`);
  const kept: string[] = [];
  let next = 0;
  const writer = async (): Promise<void> => {
    while (next < count) {
      const i = next++;
      const secret = generateKeySecret('live');
      if (kept.length < 1_000) kept.push(secret);
      const keyId = newKeyId();
      const event: KeyCreated = {
        type: 'KeyCreated',
        data: {
          keyId,
          workspaceId: 'default',
          name: `bench key ${i}`,
          environment: 'live',
          secretHash: hashKeySecret(pepper, secret),
          prefix: secret.slice(0, 12),
          lastFour: secret.slice(-4),
          createdAt: new Date().toISOString(),
          expiresAt: null,
          roles: [],
          permissions: {},
          unrestricted: true,
        },
      };
      const metadata = { workspaceId: 'default', actor: 'system', correlationId: `bench-${i}`, causationId: `bench-${i}`, occurredAt: event.data.createdAt, schemaVersion: 1 };
      await store.appendToStream(keyStreamId(keyId), [{ ...event, metadata }], { expectedVersion: 'no_stream' });
    }
  };
  await Promise.all(Array.from({ length: 16 }, writer));
  await store.close();
  return kept;
};

const startVerifier = async (env: NodeJS.ProcessEnv, nats: NatsConnection, probe: Uint8Array): Promise<ChildProcess> => {
  const child = spawn(process.execPath, [VERIFIER_MAIN], { env, stdio: 'ignore' });
  for (let i = 0; i < 1_200; i++) {
    const answer = await nats
      .request(Subjects.verify, probe, { timeout: 500 })
      .then((m) => JSON.parse(new TextDecoder().decode(m.data)) as VerifyAnswer)
      .catch(() => undefined);
    if (answer && answer.code !== 'UNAVAILABLE') return child;
    await sleep(100);
  }
  child.kill();
  throw new Error('the verifier did not catch up within 2 minutes');
};

const stop = async (child: ChildProcess): Promise<void> => {
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await exited;
};

const row = (label: string, r: LoadResult): string =>
  `${label.padEnd(10)} ${r.perSecond.toFixed(0).padStart(9)} req/s   p50 ${r.p50Ms.toFixed(3).padStart(7)} ms   p99 ${r.p99Ms.toFixed(3).padStart(7)} ms`;

const main = async (): Promise<void> => {
  const { databaseUrl, natsUrl } = infra();
  const dbName = `keyward_bench_${Date.now()}`;
  await sql(databaseUrl, `CREATE DATABASE ${dbName}`);
  const benchDb = withDatabase(databaseUrl, dbName);
  // The services use the UTF-8 bytes of KEYWARD_PEPPER as the pepper.
  const pepperText = randomBytes(32).toString('base64url');
  const pepper = Buffer.from(pepperText);
  const env = { ...process.env, DATABASE_URL: benchDb, NATS_URL: natsUrl, KEYWARD_PEPPER: pepperText };
  const nats = await connect({ servers: natsUrl, name: 'keyward-bench' });
  const encode = (key: string): Uint8Array => new TextEncoder().encode(JSON.stringify({ key }));
  const echo = fork(__filename, ['--echo', natsUrl], { stdio: 'ignore' });
  const echoReady = new Promise<void>((resolve) => echo.once('message', () => resolve()));
  const verifiers: ChildProcess[] = [];
  try {
    // Memory baseline: the same process with an empty history.
    const empty = await startVerifier(env, nats, encode(generateKeySecret('live')));
    verifiers.push(empty);
    await sleep(2_000);
    const baseline = rssBytes(empty.pid ?? 0);
    await stop(empty);

    const seedStart = performance.now();
    const secrets = await seedKeys(benchDb, pepper, KEYS);
    console.log(`seeded ${KEYS} keys in ${((performance.now() - seedStart) / 1_000).toFixed(1)} s`);

    const loadStart = performance.now();
    const verifier = await startVerifier(env, nats, encode(secrets[0]));
    verifiers.push(verifier);
    console.log(`verifier caught up with ${KEYS} keys in ${((performance.now() - loadStart) / 1_000).toFixed(1)} s`);
    await sleep(2_000);
    const loaded = rssBytes(verifier.pid ?? 0);
    await echoReady;

    const payloads = secrets.map(encode);
    const check = JSON.parse(new TextDecoder().decode((await nats.request(Subjects.verify, payloads[0])).data)) as VerifyAnswer;
    if (check.code !== 'VALID') throw new Error(`a seeded key answered ${check.code}, not VALID`);

    console.log(`\nmachine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'unknown CPU'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, node ${process.version}`);
    console.log(`each run: ${SECONDS} s, requests cycle through ${payloads.length} distinct keys\n`);
    for (const inFlight of IN_FLIGHT) {
      await runLoad(nats, ECHO_SUBJECT, payloads, inFlight, 1); // warm-up
      await runLoad(nats, Subjects.verify, payloads, inFlight, 1);
      const e = await runLoad(nats, ECHO_SUBJECT, payloads, inFlight, SECONDS);
      const v = await runLoad(nats, Subjects.verify, payloads, inFlight, SECONDS);
      console.log(`in flight: ${inFlight}`);
      console.log(row('  echo', e));
      console.log(row('  verify', v));
      console.log(`  verify / echo throughput: ${(v.perSecond / e.perSecond).toFixed(2)}\n`);
    }
    console.log(`verifier RSS: ${(baseline / 2 ** 20).toFixed(1)} MiB empty, ${(loaded / 2 ** 20).toFixed(1)} MiB with ${KEYS} keys`);
    console.log(`memory per key: ${((loaded - baseline) / KEYS).toFixed(0)} bytes`);
  } finally {
    for (const v of verifiers) if (v.exitCode === null) await stop(v);
    if (echo.exitCode === null) await stop(echo);
    await nats.drain();
    await sql(databaseUrl, `DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
  }
};

if (process.argv[2] === '--echo') void runEchoResponder(process.argv[3]);
else
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
