import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { DEFAULT_OUTBOUND_POLICY, type OutboundPolicy } from './outbound.policy';
import { OutboundFailedError, OutboundRefusedError } from './outbound.errors';
import { sendOutbound } from './send-outbound';

/** A third party on loopback that counts what reaches it; each path answers differently. */
const thirdParty = async () => {
  let received = 0;
  const server = http.createServer((request, response) => {
    received += 1;
    const path = request.url ?? '/';
    if (path.startsWith('/redirect')) return response.writeHead(302, { location: 'http://169.254.169.254/latest/meta-data/' }).end();
    if (path.startsWith('/big')) return response.end('x'.repeat(10_000));
    if (path.startsWith('/headers')) return response.writeHead(200, { 'x-big': 'y'.repeat(10_000) }).end();
    if (path.startsWith('/slow')) return void setTimeout(() => response.end('late'), 2_000).unref();
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => response.writeHead(201, { 'content-type': 'application/json' }).end(JSON.stringify({ method: request.method, path, headers: request.headers, body: Buffer.concat(chunks).toString() })));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return { port, received: () => received, close: () => new Promise<void>((resolve) => server.close(() => resolve()).closeAllConnections()) };
};

const LOCAL: OutboundPolicy = { ...DEFAULT_OUTBOUND_POLICY, allowHttp: true, allowPrivate: true };

const caught = async (sending: () => Promise<unknown>): Promise<Error> => {
  try {
    await sending();
  } catch (error) {
    if (error instanceof Error) return error;
  }
  throw new Error('expected a refusal or failure');
};

describe('sendOutbound against a local server', () => {
  let server: Awaited<ReturnType<typeof thirdParty>>;
  beforeAll(async () => (server = await thirdParty()));
  afterAll(() => server.close());

  const hosts = () => [`localhost:${server.port}`, `127.0.0.1:${server.port}`];

  it('sends method, path, query, headers and body, and answers status, headers and body', async () => {
    const answer = await sendOutbound({ method: 'POST', url: `http://localhost:${server.port}/v1/things?a=1`, headers: { 'x-one': '1' }, body: '{"b":2}' }, hosts(), LOCAL);
    expect(answer.status).toBe(201);
    expect(answer.headers['content-type']).toBe('application/json');
    expect(answer.headers['content-length']).toBeUndefined();
    expect(JSON.parse(answer.body)).toMatchObject({ method: 'POST', path: '/v1/things?a=1', headers: { 'x-one': '1', host: `localhost:${server.port}`, 'accept-encoding': 'identity' }, body: '{"b":2}' });
  });

  it('answers a redirect as is and never follows it', async () => {
    const before = server.received();
    const answer = await sendOutbound({ method: 'GET', url: `http://localhost:${server.port}/redirect`, headers: {} }, hosts(), LOCAL);
    expect(answer).toMatchObject({ status: 302, headers: { location: 'http://169.254.169.254/latest/meta-data/' } });
    expect(server.received() - before).toBe(1);
  });

  it('refuses a name that resolves to loopback unless the operator relaxes it, sending nothing', async () => {
    const before = server.received();
    const error = await caught(() => sendOutbound({ method: 'GET', url: `http://localhost:${server.port}/`, headers: {} }, hosts(), { ...LOCAL, allowPrivate: false }));
    expect(error).toBeInstanceOf(OutboundRefusedError);
    expect((error as OutboundRefusedError).kind).toBe('forbidden');
    expect(server.received()).toBe(before);
  });

  it.each([
    ['a host not listed', { url: () => `http://127.0.0.2:${server.port}/` }],
    ['a port not named', { url: () => `http://localhost:${server.port + 1}/` }],
    ['userinfo', { url: () => `http://localhost:${server.port}@127.0.0.1:${server.port}/` }],
    ['http while not allowed', { url: () => `http://localhost:${server.port}/`, policy: { ...LOCAL, allowHttp: false } }],
    ['a connection header', { url: () => `http://localhost:${server.port}/`, headers: { 'Transfer-Encoding': 'chunked' } }],
    ['a body over the limit', { url: () => `http://localhost:${server.port}/`, body: 'z'.repeat(101), policy: { ...LOCAL, maxRequestBodyBytes: 100 } }],
  ])('refuses %s, sending nothing', async (_, { url, headers, body, policy }: { url: () => string; headers?: Record<string, string>; body?: string; policy?: OutboundPolicy }) => {
    const before = server.received();
    const error = await caught(() => sendOutbound({ method: 'POST', url: url(), headers: headers ?? {}, ...(body === undefined ? {} : { body }) }, hosts(), policy ?? LOCAL));
    expect(error).toBeInstanceOf(OutboundRefusedError);
    expect(server.received()).toBe(before);
  });

  it('fails a body over the answer limit', async () => {
    const error = await caught(() => sendOutbound({ method: 'GET', url: `http://localhost:${server.port}/big`, headers: {} }, hosts(), { ...LOCAL, maxResponseBodyBytes: 1_000 }));
    expect(error).toMatchObject({ name: 'OutboundFailedError', kind: 'too-large' });
  });

  it('fails headers over the limit', async () => {
    const error = await caught(() => sendOutbound({ method: 'GET', url: `http://localhost:${server.port}/headers`, headers: {} }, hosts(), { ...LOCAL, maxResponseHeaderBytes: 4_096 }));
    expect(error).toMatchObject({ name: 'OutboundFailedError', kind: 'too-large' });
  });

  it('fails an answer slower than the whole-request time-out', async () => {
    const started = Date.now();
    const error = await caught(() => sendOutbound({ method: 'GET', url: `http://localhost:${server.port}/slow`, headers: {} }, hosts(), { ...LOCAL, timeoutMs: 300 }));
    expect(error).toBeInstanceOf(OutboundFailedError);
    expect(error).toMatchObject({ kind: 'timeout' });
    expect(Date.now() - started).toBeLessThan(1_500);
  });
});
