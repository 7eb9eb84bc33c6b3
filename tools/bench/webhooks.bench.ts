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
 * `npm run bench:webhooks`: how fast the webhook sender delivers to a local receiver, and how long
 * from a history event to its delivery. Keys are created first; then they are revoked with
 * `IN_FLIGHT` writers, each revocation a `key.revoked` for every endpoint. The receiver (in this
 * process, on loopback, answering 200) takes each delivery's arrival time; the lag is that
 * minus the event's own time (`timestamp`, the revocation's decision time).
 *   BENCH_KEYS       keys revoked (default 300)
 *   BENCH_ENDPOINTS  endpoints subscribed (default 4)
 */
const KEYS = Number(process.env.BENCH_KEYS ?? 300);
const ENDPOINTS = Number(process.env.BENCH_ENDPOINTS ?? 4);
const IN_FLIGHT = 8;
const DATA_DIR = path.resolve(ROOT, process.env.KEYWARD_DATA_DIR ?? '.data/bench-webhooks');

interface Arrival {
  readonly at: number;
  readonly lagMs: number;
  readonly id: string;
}

const startReceiver = async (arrivals: Arrival[]): Promise<{ server: http.Server; port: number }> => {
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
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
  console.log(`webhooks: ${KEYS} keys revoked by ${IN_FLIGHT} writers, ${ENDPOINTS} endpoints each told of every revocation; the receiver runs in this process on loopback`);
  // The stack's services take this process's environment: the sender may reach plain HTTP on loopback, as only a test setup would allow.
  process.env.KEYWARD_OUTBOUND_ALLOW_HTTP = 'true';
  process.env.KEYWARD_OUTBOUND_ALLOW_PRIVATE = 'true';
  const arrivals: Arrival[] = [];
  const receiver = await startReceiver(arrivals);
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
    const expected = KEYS * ENDPOINTS;
    const started = Date.now();
    await inParallel(keys, IN_FLIGHT, async (id) => {
      const answer = await client.send({ method: 'POST', path: `/v1/keys/${id}/revoke` });
      if (answer.status !== 200) throw new Error(`revoke answered ${answer.status}: ${answer.body.slice(0, 300)}`);
    });
    const written = Date.now();
    for (const deadline = Date.now() + 120_000; new Set(arrivals.map((a) => a.id)).size < expected && Date.now() < deadline; ) await new Promise((r) => setTimeout(r, 50));
    const ids = new Set(arrivals.map((a) => a.id));
    if (ids.size < expected) throw new Error(`only ${ids.size} of ${expected} deliveries arrived within 120 s`);
    const last = Math.max(...arrivals.map((a) => a.at));
    const lags = Float64Array.from(arrivals.map((a) => a.lagMs)).sort();
    console.log(`\nrevocations: ${KEYS} in ${((written - started) / 1000).toFixed(2)} s (${(KEYS / ((written - started) / 1000)).toFixed(0)}/s)`);
    console.log(`deliveries:  ${expected} (${arrivals.length - expected} repeats) in ${((last - started) / 1000).toFixed(2)} s from the first revocation: ${(expected / ((last - started) / 1000)).toFixed(0)} deliveries/s`);
    console.log(`event → delivery lag: p50 ${percentile(lags, 0.5).toFixed(0)} ms, p99 ${percentile(lags, 0.99).toFixed(0)} ms, max ${lags[lags.length - 1].toFixed(0)} ms`);
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
