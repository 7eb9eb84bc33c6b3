import { createServer, type Server } from 'node:net';
import { Logger, type LoggerService } from '@nestjs/common';
import { Counter, Registry } from 'prom-client';
import { HealthChecks, type CheckState } from './health/health-checks';
import { OpsHttpServer, type OpsPort } from './ops-http.server';

const variable = 'KEYWARD_VERIFIER_METRICS_PORT';

/** A port held by someone else for the length of a test. */
const occupy = (): Promise<{ port: number; server: Server }> =>
  new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '0.0.0.0', () => {
      const address = server.address();
      resolve({ port: typeof address === 'object' && address ? address.port : 0, server });
    });
  });

/** The ops server on a real socket; the port it chose is read back from its own log line. */
const start = async (port: OpsPort, index: () => CheckState = () => 'ok') => {
  const registry = new Registry();
  new Counter({ name: 'keyward_test_total', help: 'a test counter', registers: [registry] }).inc(2);
  const health = new HealthChecks();
  health.register('nats', () => 'ok');
  health.register('index', index);
  const server = new OpsHttpServer(registry, health, port);
  const logged: unknown[] = [];
  const keep = (message: unknown): void => void logged.push(message);
  const capture: LoggerService = { log: keep, warn: keep, error: keep };
  Logger.overrideLogger(capture);
  try {
    await server.onApplicationBootstrap();
  } finally {
    Logger.overrideLogger(false);
  }
  const { opsPort } = logged.find((m): m is { opsPort: number } => typeof m === 'object' && m !== null && 'opsPort' in m) ?? { opsPort: 0 };
  return { server, url: `http://127.0.0.1:${opsPort}`, opsPort };
};

describe('OpsHttpServer', () => {
  const servers: OpsHttpServer[] = [];
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((s) => s.onApplicationShutdown()));
  });

  it('serves Prometheus text on GET /metrics and the health report on GET /health', async () => {
    const { server, url } = await start({ port: 0, configured: true, variable });
    servers.push(server);
    const metrics = await fetch(`${url}/metrics`);
    expect(metrics.status).toBe(200);
    expect(metrics.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(await metrics.text()).toContain('keyward_test_total 2');
    const health = await fetch(`${url}/health?verbose=1`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok', checks: { nats: 'ok', index: 'ok' } });
  });

  it('answers 503 while catching up, and 404 in the error format for anything else', async () => {
    const { server, url } = await start({ port: 0, configured: true, variable }, () => 'catching-up');
    servers.push(server);
    const health = await fetch(`${url}/health`);
    expect([health.status, await health.json()]).toEqual([503, { status: 'catching-up', checks: { nats: 'ok', index: 'catching-up' } }]);
    for (const [method, path] of [['GET', '/'], ['POST', '/metrics'], ['DELETE', '/health'], ['GET', '/metrics/../v1/keys']]) {
      const response = await fetch(`${url}${path}`, { method });
      expect({ method, path, status: response.status, body: await response.json() }).toEqual({ method, path, status: 404, body: { statusCode: 404, code: 'NOT_FOUND', message: expect.any(String) } });
    }
  });

  it('moves to a free port when its default port is taken, but not when the port was configured', async () => {
    const taken = await occupy();
    try {
      const moved = await start({ port: taken.port, configured: false, variable });
      servers.push(moved.server);
      expect(moved.opsPort).not.toBe(taken.port);
      expect((await fetch(`${moved.url}/metrics`)).status).toBe(200);
      const configured = new OpsHttpServer(new Registry(), new HealthChecks(), { port: taken.port, configured: true, variable });
      await expect(configured.onApplicationBootstrap()).rejects.toThrow(/EADDRINUSE/);
    } finally {
      taken.server.close();
    }
  });
});
