import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { infra, sql, withDatabase } from './bench-database';
import { percentile } from './load';

/**
 * `npm run bench:reads`: `GET /v1/keys?limit=100` of a workspace of 10,000 keys beside one of
 * 1,000,000, each behind a gateway of its own, requests alternated between the two, one in flight.
 * Rows go straight into the key table (generate_series), not through the projector: what is
 * measured is the read, and a million rows load in seconds where projecting a million events
 * takes many minutes; the rows have the shape the projection gives them. Then, as the projector
 * does after a bulk catch-up, the table is analyzed.
 */
const SIZES = [10_000, 1_000_000] as const;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 500);
/** Both gateways warmed alike (the walk to the middle warms the bigger one far more). */
const WARM_UP = 300;
const ROOT = path.resolve(__dirname, '../../..');
/** The gateways listen on this port and the next; a port already taken stops the run. */
const FIRST_PORT = Number(process.env.BENCH_GATEWAY_PORT ?? 3146);

interface Gateway {
  readonly keys: number;
  readonly baseUrl: string;
  readonly child: ChildProcess;
  /** A nextCursor half-way down the list, reached by paging there (the cursor stays opaque). */
  deepCursor: string;
}

interface KeyPage {
  readonly items: unknown[];
  readonly nextCursor: string | null;
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** What is read: the first page, a page from half-way down (by cursor), and the first page of the revoked keys (2%). */
const PAGES = ['first', 'deep', 'revoked'] as const;
type PageKind = (typeof PAGES)[number];

const pageQuery = (cursor?: string): string => (cursor ? `limit=100&cursor=${encodeURIComponent(cursor)}` : 'limit=100');

const queryOf = (gateway: Gateway, kind: PageKind): string =>
  kind === 'deep' ? pageQuery(gateway.deepCursor) : kind === 'revoked' ? `${pageQuery()}&status=revoked` : pageQuery();

/** One page, timed; anything but 200 ends the run. */
const getPage = async (gateway: Gateway, rootKey: string, query: string): Promise<{ page: KeyPage; ms: number }> => {
  const t0 = performance.now();
  const response = await fetch(`${gateway.baseUrl}/v1/keys?${query}`, { headers: { authorization: `Bearer ${rootKey}` } });
  const body = await response.text();
  const ms = performance.now() - t0;
  if (response.status !== 200) throw new Error(`GET /v1/keys answered ${response.status}: ${body.slice(0, 200)}`);
  return { page: JSON.parse(body) as KeyPage, ms };
};

const startGateway = (keys: number, port: number, env: NodeJS.ProcessEnv): Gateway => {
  const child = spawn(process.execPath, [path.join(ROOT, 'apps/gateway/dist/main.js')], { env: { ...env, GATEWAY_PORT: String(port) }, stdio: 'ignore' });
  return { keys, baseUrl: `http://127.0.0.1:${port}`, child, deepCursor: '' };
};

const untilAnswering = async (gateway: Gateway, rootKey: string): Promise<void> => {
  const { child } = gateway;
  for (let i = 0; i < 600; i++) {
    if (child.exitCode !== null) throw new Error(`the gateway exited with ${child.exitCode}`);
    if (await getPage(gateway, rootKey, 'limit=1').then(() => true, () => false)) return;
    await sleep(100);
  }
  throw new Error('the gateway did not answer within 60 s');
};

/** Keys of workspace `default` (the root key's), a second apart, a few revoked, expiring or test keys among them. */
const seed = (databaseUrl: string, keys: number): Promise<void> =>
  sql(
    databaseUrl,
    `INSERT INTO keys (id, workspace_id, name, prefix, masked_key, environment, created_at, expires_at, lifecycle, restricted, roles, permissions, shares)
     SELECT 'key_' || lpad(g::text, 24, '0'), 'default', 'bench key ' || g, 'kw_live_abcd', 'kw_live_abcd…wxyz',
            CASE WHEN g % 10 = 0 THEN 'test' ELSE 'live' END,
            timestamptz '2026-01-01' + g * interval '1 second',
            CASE WHEN g % 20 = 1 THEN timestamptz '2027-01-01' END,
            CASE WHEN g % 50 = 0 THEN 'revoked' ELSE 'active' END, false, '[]', '{}', '[]'
     FROM generate_series(1, ${keys}) g;
     ANALYZE keys`,
  );

/** Pages down to the middle of the list, through the API only: the cursor stays opaque. */
const pageToMiddle = async (gateway: Gateway, rootKey: string): Promise<number[]> => {
  const times: number[] = [];
  let cursor: string | undefined;
  for (let i = 0; i < gateway.keys / 2 / 100; i++) {
    const { page, ms } = await getPage(gateway, rootKey, pageQuery(cursor));
    times.push(ms);
    if (!page.nextCursor) throw new Error('the list ended before its middle');
    cursor = page.nextCursor;
  }
  gateway.deepCursor = cursor ?? '';
  return times;
};

const label = (g: Gateway, kind: PageKind): string => `${g.keys} ${kind}`;

const stats = (times: readonly number[]): { p50: number; p99: number } => {
  const sorted = Float64Array.from(times).sort();
  return { p50: percentile(sorted, 0.5), p99: percentile(sorted, 0.99) };
};

/** A child that already exited emits no second `exit`: wait only for one still running, and at most 10 s before SIGKILL. */
const stop = async (child: ChildProcess): Promise<void> => {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
};

const main = async (): Promise<void> => {
  const { databaseUrl, natsUrl } = infra();
  const rootKey = `kwroot_${randomBytes(32).toString('base64url')}`;
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'keyward-bench-reads-'));
  const databases = SIZES.map((keys) => `keyward_bench_reads_${keys}_${Date.now()}`);
  const gateways: Gateway[] = [];
  try {
    for (const [i, keys] of SIZES.entries()) {
      await sql(databaseUrl, `CREATE DATABASE ${databases[i]}`);
      const url = withDatabase(databaseUrl, databases[i]);
      // The root key authenticates in the gateway itself: no verifier, nothing but the read is measured.
      const env = { ...process.env, DATABASE_URL: url, NATS_URL: natsUrl, KEYWARD_ROOT_KEY: rootKey, KEYWARD_PEPPER: randomBytes(32).toString('base64url'), KEYWARD_DATA_DIR: dataDir };
      const gateway = startGateway(keys, FIRST_PORT + i, env);
      gateways.push(gateway);
      await untilAnswering(gateway, rootKey);
      const seedStart = performance.now();
      await seed(url, keys);
      console.log(`seeded and analyzed ${keys} keys in ${((performance.now() - seedStart) / 1_000).toFixed(1)} s`);
      const walk = stats((await pageToMiddle(gateway, rootKey)).slice(1));
      console.log(`  paged to the middle (${keys / 200} pages): p50 ${walk.p50.toFixed(2)} ms, p99 ${walk.p99.toFixed(2)} ms`);
    }

    const times = new Map(gateways.flatMap((g) => PAGES.map((kind) => [label(g, kind), [] as number[]])));
    for (let round = -WARM_UP; round < ROUNDS; round++) {
      // Alternated, and in the other order every other round, so drift on a shared machine hits both sizes alike.
      const order = round % 2 === 0 ? gateways : [...gateways].reverse();
      for (const g of order) {
        for (const kind of PAGES) {
          const { ms } = await getPage(g, rootKey, queryOf(g, kind));
          if (round >= 0) times.get(label(g, kind))?.push(ms);
        }
      }
    }

    console.log(`\nmachine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'unknown CPU'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, node ${process.version}`);
    console.log(`GET /v1/keys?limit=100, one request in flight, ${ROUNDS} alternated rounds after ${WARM_UP} of warm-up\n`);
    console.log(`${'keys'.padStart(9)}  page      p50 ms   p99 ms`);
    for (const g of gateways) {
      for (const kind of PAGES) {
        const s = stats(times.get(label(g, kind)) ?? []);
        console.log(`${String(g.keys).padStart(9)}  ${kind.padEnd(7)}  ${s.p50.toFixed(2).padStart(7)}  ${s.p99.toFixed(2).padStart(7)}`);
      }
    }
    for (const kind of PAGES) {
      const [small, large] = gateways.map((g) => stats(times.get(label(g, kind)) ?? []).p50);
      console.log(`p50 ${SIZES[1]} / ${SIZES[0]} keys, ${kind} page: ${(large / small).toFixed(2)}`);
    }
  } finally {
    for (const g of gateways) await stop(g.child);
    for (const name of databases) await sql(databaseUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    rmSync(dataDir, { recursive: true, force: true });
  }
};

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
