import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { CreateKeyResult, CredentialView } from '@keyward/contracts';
import { ROOT } from './bench-env';
import { BenchInfra, BenchStack } from './bench-stack';
import { HttpLoad, type HttpCall } from './http-load';
import { summarize, type LoadResult, type LoadSample } from './load';

/**
 * `npm run bench:broker`: `POST /v1/credentials/:id/requests` (authenticated by a verifier, the
 * credential read from its stream, the value opened, placed, sent, the answer redacted) against a
 * direct request to the same local server, at 1 and 16 in flight. The two take turns in slices
 * (and turns about which goes first), so that other load on the machine falls on both alike.
 *   BENCH_SECONDS   measured seconds per load, each side (default 10)
 */
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const IN_FLIGHT = [1, 16] as const;
const SLICES = 10;
const WARM_UP_SECONDS = 1;
const DATA_DIR = path.resolve(ROOT, process.env.KEYWARD_DATA_DIR ?? '.data/bench-broker');
const PATH = '/v1/thing';

/** The third party: a small JSON answer, as an API would give. */
const startThirdParty = async (): Promise<{ server: http.Server; port: number }> => {
  const server = http.createServer((request, response) => {
    request.resume();
    request.on('end', () => response.writeHead(200, { 'content-type': 'application/json' }).end('{"id":"thing_1","ok":true}'));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, port: (server.address() as AddressInfo).port };
};

/** `inFlight` callers for `seconds`, each answer timed; anything but 200 stops the run. */
const measure = async (load: HttpLoad, call: HttpCall, inFlight: number, seconds: number): Promise<LoadSample> => {
  const latencies: number[] = [];
  const started = performance.now();
  const deadline = started + seconds * 1_000;
  const worker = async (): Promise<void> => {
    while (performance.now() < deadline) {
      const t0 = performance.now();
      const answer = await load.send(call);
      latencies.push(performance.now() - t0);
      if (answer.status !== 200) throw new Error(`${call.method} ${call.path} answered ${answer.status}: ${answer.body.slice(0, 300)}`);
    }
  };
  await Promise.all(Array.from({ length: inFlight }, worker));
  return { seconds: (performance.now() - started) / 1_000, latenciesMs: Float64Array.from(latencies) };
};

const row = (label: string, r: LoadResult): string =>
  `  ${label.padEnd(8)} ${r.perSecond.toFixed(0).padStart(7)} req/s   p50 ${r.p50Ms.toFixed(2).padStart(7)} ms   p99 ${r.p99Ms.toFixed(2).padStart(7)} ms   (${r.requests})`;

const created = async <T>(load: HttpLoad, route: string, body: unknown): Promise<T> => {
  const answer = await load.send({ method: 'POST', path: route, body });
  if (answer.status !== 201) throw new Error(`POST ${route} answered ${answer.status}: ${answer.body.slice(0, 300)}`);
  return JSON.parse(answer.body) as T;
};

const main = async (): Promise<void> => {
  console.log(`machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'unknown CPU'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, node ${process.version}`);
  console.log(`broker vs direct, ${SECONDS} s each per load, alternated in ${SLICES} slices; the third party runs in this process on loopback`);
  // The stack's services take this process's environment: the broker may reach plain HTTP on loopback, as only a test setup would allow.
  process.env.KEYWARD_OUTBOUND_ALLOW_HTTP = 'true';
  process.env.KEYWARD_OUTBOUND_ALLOW_PRIVATE = 'true';
  const party = await startThirdParty();
  const infra = await BenchInfra.up(DATA_DIR);
  let stack: BenchStack | undefined;
  const loads: HttpLoad[] = [];
  try {
    stack = await BenchStack.start(infra, { verifiers: 1, dataDir: DATA_DIR, root: ROOT });
    const root = new HttpLoad(stack.baseUrl, stack.rootKey, 1);
    loads.push(root);
    // An ordinary key owns the credential and calls the broker, so a verifier authenticates each request.
    const user = await created<CreateKeyResult>(root, '/v1/keys', { name: 'broker bench', permissions: { credentials: 'write' } });
    const owner = new HttpLoad(stack.baseUrl, user.key, 16);
    loads.push(owner);
    const host = `127.0.0.1:${party.port}`;
    const credential = await created<CredentialView>(owner, '/v1/credentials', {
      service: 'bench',
      name: 'bench',
      value: `sk_bench_${'x'.repeat(32)}`,
      location: 'header',
      parameterName: 'X-API-Key',
      allowedHosts: [host],
    });
    const direct = new HttpLoad(new URL(`http://${host}`), `sk_bench_${'x'.repeat(32)}`, 16);
    loads.push(direct);
    const calls = {
      direct: { load: direct, call: { method: 'GET', path: PATH } },
      broker: { load: owner, call: { method: 'POST', path: `/v1/credentials/${credential.id}/requests`, body: { method: 'GET', url: `http://${host}${PATH}` } } },
    } as const;
    for (const inFlight of IN_FLIGHT) {
      for (const side of Object.values(calls)) await measure(side.load, side.call, inFlight, WARM_UP_SECONDS);
      const samples = { direct: [] as LoadSample[], broker: [] as LoadSample[] };
      for (let slice = 0; slice < SLICES; slice++) {
        const order = slice % 2 === 0 ? (['direct', 'broker'] as const) : (['broker', 'direct'] as const);
        for (const which of order) samples[which].push(await measure(calls[which].load, calls[which].call, inFlight, SECONDS / SLICES));
      }
      const [d, b] = [summarize(samples.direct), summarize(samples.broker)];
      console.log(`\nin flight: ${inFlight}`);
      console.log(row('direct', d));
      console.log(row('broker', b));
      console.log(`  added by the broker: p50 +${(b.p50Ms - d.p50Ms).toFixed(2)} ms, p99 +${(b.p99Ms - d.p99Ms).toFixed(2)} ms; throughput ${(b.perSecond / d.perSecond).toFixed(2)} × direct`);
    }
  } finally {
    for (const load of loads) load.close();
    await stack?.stop();
    await infra.down();
    await new Promise((resolve) => party.server.close(resolve));
  }
};

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
