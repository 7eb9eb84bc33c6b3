import { randomUUID } from 'node:crypto';
import type { ChildProcess } from 'node:child_process';
import { Subjects, type CreateKeyResult } from '@keyward/contracts';
import { generateKeySecret } from '@keyward/domain';
import { countEvents } from './support/event-log';
import { KeywardStack } from './support/keyward-stack';
import { jsonLines, opsUrlOf, Scrape } from './support/ops-endpoints';
import { leakedSecrets } from './support/secrets';

jest.setTimeout(120_000);

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

const health = async (baseUrl: string): Promise<{ status: number; body: { status: string; checks: Record<string, string> } }> => {
  const response = await fetch(`${baseUrl}/health`);
  return { status: response.status, body: (await response.json()) as { status: string; checks: Record<string, string> } };
};

/** Polls `probe` until it holds, at most `timeoutMs`; answers whether it did. */
const eventually = async (probe: () => Promise<boolean>, timeoutMs = 15_000): Promise<boolean> => {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await probe()) return true;
    await sleep(100);
  }
  return false;
};

/**
 * Product.md section 13: every service serves Prometheus text on /metrics and says on /health
 * which dependency is down; every log line is JSON and carries the correlation id of the request
 * that caused it; no secret is ever in a log line or a metric.
 */
describe('observability', () => {
  let stack: KeywardStack;
  /** Each service's /metrics and /health: the gateway's own port, the others' logged ops port. */
  const at: Record<'gateway' | 'key-command' | 'projector' | 'verifier', string> = { gateway: '', 'key-command': '', projector: '', verifier: '' };
  const secrets: string[] = [];
  /** Every process this file started, alive or not, to read its output. */
  const children: ChildProcess[] = [];

  beforeAll(async () => {
    stack = await KeywardStack.start();
    at.gateway = stack.baseUrl;
    for (const service of ['key-command', 'projector', 'verifier'] as const) {
      const [child] = stack.running(service);
      children.push(child);
      at[service] = await opsUrlOf(stack, child);
    }
    children.push(...stack.running('gateway'));
    secrets.push(stack.rootKey, stack.pepper);
  });

  afterAll(async () => {
    await stack?.stop();
  });

  it('serves /health on every service, naming each dependency it uses', async () => {
    expect(await health(at.gateway)).toEqual({ status: 200, body: { status: 'ok', checks: { nats: 'ok', database: 'ok', eventStore: 'ok' } } });
    expect(await health(at['key-command'])).toEqual({ status: 200, body: { status: 'ok', checks: { nats: 'ok', eventStore: 'ok' } } });
    expect(await health(at.projector)).toEqual({ status: 200, body: { status: 'ok', checks: { nats: 'ok', eventStore: 'ok', database: 'ok', projection: 'ok', eventChain: 'ok' } } });
    expect(await health(at.verifier)).toEqual({ status: 200, body: { status: 'ok', checks: { nats: 'ok', eventStore: 'ok', index: 'ok' } } });
  });

  it('answers anything but GET /metrics and GET /health on an ops port with a 404 in the error format', async () => {
    const response = await fetch(`${at.verifier}/v1/keys`, { method: 'POST', body: '{}' });
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ statusCode: 404, code: 'NOT_FOUND', message: expect.any(String) });
  });

  it('counts verifies by code, their latency, appends, commands, barrier waits and follower progress', async () => {
    const eventsBefore = await countEvents(stack.database.url);
    const before = Object.fromEntries(await Promise.all(Object.entries(at).map(async ([service, url]) => [service, await Scrape.of(url)] as const)));
    const created = await stack.api<CreateKeyResult>('POST', '/v1/keys', { name: 'observed', permissions: { calls: 'read' } });
    expect(created.status).toBe(201);
    secrets.push(created.body.key);
    for (let i = 0; i < 3; i++) expect((await stack.verify(created.body.key, 'calls:read')).code).toBe('VALID');
    expect((await stack.verify(created.body.key, 'calls:write')).code).toBe('INSUFFICIENT_PERMISSIONS');
    expect((await stack.verify(generateKeySecret('live'))).code).toBe('NOT_FOUND');
    // Raw, as the client would refuse to send it.
    expect(JSON.parse(Buffer.from((await stack.nats.request(Subjects.verify, Buffer.from('{"key":"not a key"}'))).data).toString())).toEqual({ valid: false, code: 'MALFORMED' });
    expect((await stack.api('POST', `/v1/keys/${created.body.id}/revoke`, {})).status).toBe(200);
    expect((await stack.verify(created.body.key)).code).toBe('REVOKED');
    // Writes racing on one key: whatever conflicts happen are counted, at least one per 409 CONFLICT.
    const other = await stack.api<CreateKeyResult>('POST', '/v1/keys', { name: 'contended', permissions: { calls: 'read' } });
    secrets.push(other.body.key);
    const raced = await Promise.all(
      (['read', 'write', 'read', 'write', 'read', 'write'] as const).map((level) => stack.api<{ code?: string }>('PUT', `/v1/keys/${other.body.id}/permissions`, { permissions: { calls: level } })),
    );
    const conflicts = raced.filter((r) => r.status === 409 && r.body.code === 'CONFLICT').length;
    const edited = raced.filter((r) => r.status === 200).length;
    expect(edited + conflicts).toBe(raced.length);

    const after = Object.fromEntries(await Promise.all(Object.entries(at).map(async ([service, url]) => [service, await Scrape.of(url)] as const)));
    const delta = (service: keyof typeof at, name: string, labels: Record<string, string> = {}): number =>
      after[service].value(name, labels) - before[service].value(name, labels);
    const countDelta = (service: keyof typeof at, name: string, labels: Record<string, string> = {}): number =>
      after[service].count(name, labels) - before[service].count(name, labels);

    expect({
      VALID: delta('verifier', 'keyward_verify_answers_total', { code: 'VALID' }),
      INSUFFICIENT_PERMISSIONS: delta('verifier', 'keyward_verify_answers_total', { code: 'INSUFFICIENT_PERMISSIONS' }),
      NOT_FOUND: delta('verifier', 'keyward_verify_answers_total', { code: 'NOT_FOUND' }),
      MALFORMED: delta('verifier', 'keyward_verify_answers_total', { code: 'MALFORMED' }),
      REVOKED: delta('verifier', 'keyward_verify_answers_total', { code: 'REVOKED' }),
      UNAVAILABLE: delta('verifier', 'keyward_verify_answers_total', { code: 'UNAVAILABLE' }),
      latencies: countDelta('verifier', 'keyward_verify_duration_seconds'),
    }).toEqual({ VALID: 3, INSUFFICIENT_PERMISSIONS: 1, NOT_FOUND: 1, MALFORMED: 1, REVOKED: 1, UNAVAILABLE: 0, latencies: 7 });

    const appendedEvents = (await countEvents(stack.database.url)) - eventsBefore;
    expect(delta('key-command', 'keyward_event_store_appended_events_total')).toBe(appendedEvents);
    // Create, revoke, create, and each accepted edit that changed something (one event per append here).
    expect(delta('key-command', 'keyward_event_store_appends_total', { outcome: 'appended' })).toBe(appendedEvents);
    expect(appendedEvents).toBeGreaterThanOrEqual(4);
    expect(delta('key-command', 'keyward_event_store_appends_total', { outcome: 'conflict' })).toBeGreaterThanOrEqual(conflicts);
    expect(delta('key-command', 'keyward_commands_total', { subject: 'keyward.v1.keys.create', outcome: 'ok' })).toBe(2);
    expect(delta('key-command', 'keyward_commands_total', { subject: 'keyward.v1.keys.revoke', outcome: 'ok' })).toBe(1);

    // The gateway's requests by route pattern, never by the ids in the path.
    expect(delta('gateway', 'keyward_http_requests_total', { method: 'POST', route: '/v1/keys', status: '201' })).toBe(2);
    expect(delta('gateway', 'keyward_http_requests_total', { method: 'POST', route: '/v1/keys/:id/revoke', status: '200' })).toBe(1);
    expect(after.gateway.has('keyward_http_request_duration_seconds_count')).toBe(true);

    // Every write answered 2xx waited at the barrier (an edit that changed nothing waits for the key's last event), and in time.
    expect(countDelta('gateway', 'keyward_barrier_wait_seconds', { outcome: 'reached' })).toBe(3 + edited);
    expect(countDelta('gateway', 'keyward_barrier_wait_seconds', { outcome: 'timed_out' })).toBe(0);

    // The writes waited for both followers, so neither lags any more, and both are caught up.
    for (const follower of ['projector', 'verifier'] as const) {
      expect({ follower, caughtUp: after[follower].value('keyward_follower_caught_up'), events: after[follower].value('keyward_follower_lag_events') }).toEqual({ follower, caughtUp: 1, events: 0 });
      expect(after[follower].has('keyward_follower_lag_seconds')).toBe(true);
    }
    // Node's defaults, among them the start time whose changes count restarts.
    for (const service of Object.keys(at) as (keyof typeof at)[]) {
      expect({ service, started: after[service].value('process_start_time_seconds', { service }) }).toEqual({ service, started: expect.any(Number) });
      expect(after[service].value('process_start_time_seconds')).toBeGreaterThan(0);
    }
  });

  /**
   * A verifier started for one check and stopped after it, whatever the outcome: one that cannot
   * serve answers UNAVAILABLE to whatever verify the queue group hands it, so it is gone before the next test.
   */
  const withOwnVerifier = async (env: NodeJS.ProcessEnv, check: (opsUrl: string) => Promise<void>): Promise<void> => {
    const verifier = stack.spawn('verifier', env);
    children.push(verifier);
    try {
      await check(await opsUrlOf(stack, verifier));
    } finally {
      await stack.stopService(verifier);
    }
  };

  it('shows a verifier that cannot read the history as catching-up, lagging behind the appends it hears of', async () => {
    const missing = new URL(stack.database.url);
    missing.pathname = `/keyward_missing_${randomUUID().replaceAll('-', '')}`;
    await withOwnVerifier({ DATABASE_URL: missing.toString() }, expectCatchingUpAndLagging);
  });

  const expectCatchingUpAndLagging = async (url: string): Promise<void> => {
    const first = await health(url);
    expect(first).toEqual({ status: 503, body: { status: 'degraded', checks: { nats: 'ok', eventStore: 'down', index: 'catching-up' } } });

    // An append it hears of on the bus but cannot apply.
    const created = await stack.api<CreateKeyResult>('POST', '/v1/keys', { name: 'unseen', permissions: { calls: 'read' } });
    expect(created.status).toBe(201);
    secrets.push(created.body.key);
    expect(await eventually(async () => (await Scrape.of(url)).value('keyward_follower_lag_events') > 0)).toBe(true);
    const lagging = await Scrape.of(url);
    expect(lagging.value('keyward_follower_caught_up')).toBe(0);
    await sleep(50);
    expect((await Scrape.of(url)).value('keyward_follower_lag_seconds')).toBeGreaterThan(0);
  };

  it('reports catching-up, never ok, until a new verifier has read the history', async () => {
    await withOwnVerifier({}, expectCatchingUpUntilOk);
  });

  const expectCatchingUpUntilOk = async (url: string): Promise<void> => {
    const seen: string[] = [];
    const ready = await eventually(async () => {
      const { status, body } = await health(url);
      seen.push(`${status} ${body.status} ${body.checks.index}`);
      return body.status === 'ok';
    });
    expect(ready).toBe(true);
    // Every answer before the last is catching-up; the last is ok.
    expect(new Set(seen.slice(0, -1)).size <= 1 && seen.slice(0, -1).every((s) => s === '503 catching-up catching-up')).toBe(true);
    expect(seen[seen.length - 1]).toBe('200 ok ok');
  };

  it("carries a write's X-Request-Id in the gateway's and key-command's log lines about it", async () => {
    const requestId = `obs-${randomUUID()}`;
    const response = await fetch(`${stack.baseUrl}/v1/keys`, {
      method: 'POST',
      headers: { authorization: `Bearer ${stack.rootKey}`, 'content-type': 'application/json', 'x-request-id': requestId },
      body: JSON.stringify({ name: 'correlated', permissions: { calls: 'read' } }),
    });
    expect(response.status).toBe(201);
    secrets.push(((await response.json()) as CreateKeyResult).key);
    const [gateway] = stack.running('gateway');
    const [keyCommand] = stack.running('key-command');
    const about = (child: ChildProcess) => jsonLines(stack.logsOf(child)).filter((line) => line.correlationId === requestId);
    expect(await eventually(async () => about(gateway).length > 0 && about(keyCommand).length > 0, 5_000)).toBe(true);
    expect(about(gateway).map((l) => l.service)).toContain('gateway');
    expect(about(keyCommand)).toContainEqual(expect.objectContaining({ service: 'key-command', msg: 'keyward.v1.keys.create: ok' }));
  });

  it('writes nothing but JSON lines, and no secret in any line or metric', async () => {
    // A bad request and a failed verify on top of what the other tests did: their logs are scanned too.
    const refused = await stack.api('GET', '/v1/keys', undefined, generateKeySecret('live'));
    expect({ status: refused.status, body: refused.body }).toEqual({ status: 401, body: expect.objectContaining({ code: 'UNAUTHENTICATED' }) });
    for (const child of children) {
      const lines = jsonLines(stack.logsOf(child));
      expect(lines.length).toBeGreaterThan(0);
      for (const line of lines) expect(line).toEqual(expect.objectContaining({ level: expect.any(String), time: expect.any(String), service: expect.any(String), pid: child.pid }));
      // No stack trace, whatever happened.
      expect(stack.logsOf(child)).not.toMatch(/\.(js|ts):\d+:\d+/);
    }
    expect(secrets.length).toBeGreaterThanOrEqual(6);
    expect(leakedSecrets(stack.logs, secrets)).toEqual([]);
    const metrics = await Promise.all(Object.values(at).map(async (url) => (await fetch(`${url}/metrics`)).text()));
    expect(leakedSecrets(metrics.join('\n'), secrets)).toEqual([]);
  });
});
