import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { CreateKeyResult, WebhookWithSecretView } from '@keyward/contracts';
import { ROOT } from './bench-env';
import { BenchInfra, BenchStack } from './bench-stack';
import { HttpLoad } from './http-load';
import { percentile } from './load';

/**
 * `npm run bench:webhooks`: how long from a history event to its delivery, and how fast the
 * sender delivers to a local receiver. Keys are created first; then, twice, half of them are
 * revoked with `IN_FLIGHT` writers, each revocation a `key.revoked` for every endpoint. The
 * receiver (in this process, on loopback) takes each delivery's arrival time.
 * - quiet: `QUIET` revocations one at a time, 100 ms apart: the lag with nothing queued.
 * - live: the receiver answers 200; the lag is arrival minus the event's own time (`timestamp`,
 *   the revocation's decision time). Deliveries/s here is bounded by the writes.
 * - backlog: the receiver answers 500 while the keys are revoked, so the deliveries queue up
 *   behind each endpoint's head; then it answers 200 and the queue drains: deliveries/s from then
 *   to the last is the sender's own rate (retry pauses are cut to ≤ 50 ms for the bench).
 *   BENCH_KEYS       keys revoked in all (default 400)
 *   BENCH_ENDPOINTS  endpoints subscribed (default 4)
 */
const KEYS = Number(process.env.BENCH_KEYS ?? 400);
const ENDPOINTS = Number(process.env.BENCH_ENDPOINTS ?? 4);
const IN_FLIGHT = 8;
const QUIET = 30;
const DATA_DIR = path.resolve(ROOT, process.env.KEYWARD_DATA_DIR ?? '.data/bench-webhooks');

interface Arrival {
  readonly at: number;
  readonly lagMs: number;
  readonly id: string;
}

/** Keeps the arrivals it answered 200; answers 500 (keeping nothing) while `failing.on`. */
const startReceiver = async (arrivals: Arrival[], failing: { on: boolean }): Promise<{ server: http.Server; port: number }> => {
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      if (failing.on) return response.writeHead(500).end();
      const at = Date.now();
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { timestamp: string };
      arrivals.push({ at, lagMs: at - Date.parse(body.timestamp), id: String(request.headers['webhook-id']) });
      response.writeHead(200).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, port: (server.address() as AddressInfo).port };
};

const created = async <T>(load: HttpLoad, route: string, body: unknown): Promise<T> => {
  const answer = await load.send({ method: 'POST', path: route, body });
  if (answer.status !== 201) throw new Error(`POST ${route} answered ${answer.status}: ${answer.body.slice(0, 300)}`);
  return JSON.parse(answer.body) as T;
};

/** `items` through `work`, `inFlight` at a time. */
const inParallel = async <T>(items: readonly T[], inFlight: number, work: (item: T) => Promise<void>): Promise<void> => {
  let next = 0;
  await Promise.all(Array.from({ length: inFlight }, async () => {
    while (next < items.length) await work(items[next++]);
  }));
};

const main = async (): Promise<void> => {
  console.log(`machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'unknown CPU'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, node ${process.version}`);
  console.log(`webhooks: ${KEYS} keys revoked (${QUIET} alone, the rest by ${IN_FLIGHT} writers), ${ENDPOINTS} endpoints each told of every revocation; the receiver runs in this process on loopback`);
  // The stack's services take this process's environment: the sender may reach plain HTTP on loopback, as only a test setup would allow.
  process.env.KEYWARD_OUTBOUND_ALLOW_HTTP = 'true';
  process.env.KEYWARD_OUTBOUND_ALLOW_PRIVATE = 'true';
  process.env.KEYWARD_WEBHOOK_RETRY_BASE_MS = '10';
  process.env.KEYWARD_WEBHOOK_RETRY_MAX_MS = '50';
  const arrivals: Arrival[] = [];
  const failing = { on: false };
  const receiver = await startReceiver(arrivals, failing);
  const infra = await BenchInfra.up(DATA_DIR);
  let stack: BenchStack | undefined;
  let root: HttpLoad | undefined;
  try {
    stack = await BenchStack.start(infra, { verifiers: 1, dataDir: DATA_DIR, root: ROOT, webhookSender: true });
    root = new HttpLoad(stack.baseUrl, stack.rootKey, IN_FLIGHT);
    const client = root;
    for (let i = 0; i < ENDPOINTS; i++) await created<WebhookWithSecretView>(client, '/v1/webhooks', { url: `http://127.0.0.1:${receiver.port}/hook/${i}`, events: ['key.revoked'] });
    const keys: string[] = [];
    await inParallel(Array.from({ length: KEYS }, (_, i) => i), IN_FLIGHT, async () => {
      keys.push((await created<CreateKeyResult>(client, '/v1/keys', { name: 'webhook bench', permissions: { calls: 'read' } })).id);
    });
    const revokeAll = (ids: readonly string[]): Promise<void> =>
      inParallel(ids, IN_FLIGHT, async (id) => {
        const answer = await client.send({ method: 'POST', path: `/v1/keys/${id}/revoke` });
        if (answer.status !== 200) throw new Error(`revoke answered ${answer.status}: ${answer.body.slice(0, 300)}`);
      });
    const allArrived = async (expected: number): Promise<void> => {
      for (const deadline = Date.now() + 120_000; new Set(arrivals.map((a) => a.id)).size < expected && Date.now() < deadline; ) await new Promise((r) => setTimeout(r, 20));
      const arrived = new Set(arrivals.map((a) => a.id)).size;
      if (arrived < expected) throw new Error(`only ${arrived} of ${expected} deliveries arrived within 120 s`);
    };
    const lagLine = (arrived: readonly Arrival[]): string => {
      const lags = Float64Array.from(arrived.map((a) => a.lagMs)).sort();
      return `event → delivery lag: p50 ${percentile(lags, 0.5).toFixed(0)} ms, p99 ${percentile(lags, 0.99).toFixed(0)} ms, max ${lags[lags.length - 1].toFixed(0)} ms`;
    };
    const quiet = keys.splice(0, QUIET);
    for (const id of quiet) {
      await revokeAll([id]);
      await new Promise((r) => setTimeout(r, 100));
    }
    await allArrived(QUIET * ENDPOINTS);
    console.log(`\nquiet: ${QUIET} revocations one at a time, 100 ms apart: ${lagLine(arrivals.splice(0))}`);
    const half = Math.floor(keys.length / 2);

    const started = Date.now();
    await revokeAll(keys.slice(0, half));
    const written = Date.now();
    await allArrived(half * ENDPOINTS);
    const live = arrivals.splice(0);
    const lastLive = Math.max(...live.map((a) => a.at));
    console.log(`live: ${half} revocations in ${((written - started) / 1000).toFixed(2)} s (${(half / ((written - started) / 1000)).toFixed(0)}/s), ${half * ENDPOINTS} deliveries (${live.length - half * ENDPOINTS} repeats), the last ${lastLive - written} ms after the last write: ${((half * ENDPOINTS) / ((lastLive - started) / 1000)).toFixed(0)} deliveries/s`);
    console.log(`  ${lagLine(live)}`);

    failing.on = true;
    await revokeAll(keys.slice(half));
    // Let the follower enqueue everything written before the receiver recovers.
    await new Promise((r) => setTimeout(r, 1_000));
    failing.on = false;
    const recovered = Date.now();
    const backlog = (keys.length - half) * ENDPOINTS;
    await allArrived(backlog);
    const lastBacklog = Math.max(...arrivals.map((a) => a.at));
    console.log(`backlog: ${backlog} deliveries queued behind ${ENDPOINTS} failing endpoints, drained in ${((lastBacklog - recovered) / 1000).toFixed(2)} s once they answer: ${(backlog / ((lastBacklog - recovered) / 1000)).toFixed(0)} deliveries/s (${arrivals.length - backlog} repeats)`);
  } finally {
    root?.close();
    await stack?.stop();
    await infra.down();
    await new Promise((resolve) => receiver.server.close(resolve));
  }
};

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
