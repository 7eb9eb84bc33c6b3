import type { CreateKeyResult, VerifyAnswer } from '@keyward/contracts';
import { KeywardStack } from './support/keyward-stack';
import { OwnNats } from '@keyward/testing';

jest.setTimeout(120_000);

const WINDOW_MS = 10_000;
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Waits until a 10 s window has just begun, so a burst of a second or two falls in one window. */
const atWindowStart = async (): Promise<number> => {
  const into = Date.now() % WINDOW_MS;
  if (into > 1_000) await sleep(WINDOW_MS - into + 50);
  return Math.floor(Date.now() / WINDOW_MS) * WINDOW_MS + WINDOW_MS;
};

/**
 * product.md 9.2 with three verifier processes in the queue group: the limit holds globally, the
 * answers say limit, remaining and reset, and a limit change applies before the PATCH returns.
 */
describe('rate limits across three verifier processes', () => {
  let stack: KeywardStack;

  beforeAll(async () => {
    stack = await KeywardStack.start({ verifiers: 3 });
  });

  afterAll(async () => {
    await stack?.stop();
  });

  const limitedKey = async (limit: number, windowSeconds = 10): Promise<CreateKeyResult> => {
    const created = await stack.api<CreateKeyResult>('POST', '/v1/keys', { name: `limited ${limit}`, ratelimit: { limit, windowSeconds } });
    expect(created.status).toBe(201);
    return created.body;
  };

  /** `calls` verifies from `clients` concurrent callers, each one after another. */
  const burst = async (key: string, calls: number, clients: number): Promise<VerifyAnswer[]> => {
    const answers: VerifyAnswer[] = [];
    let next = 0;
    await Promise.all(
      Array.from({ length: clients }, async () => {
        while (next++ < calls) answers.push(await stack.verify(key));
      }),
    );
    return answers;
  };

  it('500 verifies from 50 clients: at most 50 VALID per window and at least 45, the rest RATE_LIMITED with remaining and reset', async () => {
    const { key, id } = await limitedKey(50);
    const reset = new Date(await atWindowStart()).toISOString();
    const answers = await burst(key, 500, 50);
    expect(answers).toHaveLength(500);
    const byWindow = new Map<string, VerifyAnswer[]>();
    for (const a of answers) byWindow.set(a.ratelimit?.reset ?? 'none', [...(byWindow.get(a.ratelimit?.reset ?? 'none') ?? []), a]);
    expect([...byWindow.keys()]).toEqual([reset]);
    const valid = answers.filter((a) => a.code === 'VALID');
    expect(valid.length).toBeLessThanOrEqual(50);
    expect(valid.length).toBeGreaterThanOrEqual(45);
    // Each VALID answer took its own place in the window: remaining counts down without repeats.
    expect(valid.map((a) => a.ratelimit?.remaining).sort((a, b) => (a ?? 0) - (b ?? 0))).toEqual(Array.from({ length: valid.length }, (_, i) => 50 - valid.length + i));
    for (const a of valid) expect(a).toMatchObject({ valid: true, keyId: id, ratelimit: { limit: 50, reset } });
    const limited = answers.filter((a) => a.code !== 'VALID');
    expect(limited).toHaveLength(500 - valid.length);
    for (const a of limited) expect(a).toEqual({ valid: false, code: 'RATE_LIMITED', keyId: id, ratelimit: { limit: 50, remaining: 0, reset } });
  });

  it('grants again once the window has reset', async () => {
    const { key } = await limitedKey(5, 1);
    await burst(key, 10, 5);
    await sleep(1_100);
    const next = await burst(key, 10, 5);
    const windows = new Set(next.filter((a) => a.code === 'VALID').map((a) => a.ratelimit?.reset));
    expect(next.filter((a) => a.code === 'VALID').length).toBeGreaterThanOrEqual(5);
    for (const w of windows) expect(next.filter((a) => a.code === 'VALID' && a.ratelimit?.reset === w).length).toBeLessThanOrEqual(5);
  });

  it('a limit change applies in every verifier before the PATCH returns', async () => {
    // Under 100 left, no verifier holds a lease, so every place in the window is accounted for exactly.
    const { key, id } = await limitedKey(60, 3_600);
    expect((await burst(key, 30, 6)).every((a) => a.code === 'VALID')).toBe(true);
    // Lowered below what the window has spent: RATE_LIMITED at once, from every verifier.
    expect((await stack.api('PATCH', `/v1/keys/${id}`, { ratelimit: { limit: 20, windowSeconds: 3_600 } })).status).toBe(200);
    const lowered = await burst(key, 30, 6);
    for (const a of lowered) expect(a).toMatchObject({ code: 'RATE_LIMITED', ratelimit: { limit: 20, remaining: 0 } });
    // Raised: 10 more in this window.
    expect((await stack.api('PATCH', `/v1/keys/${id}`, { ratelimit: { limit: 40, windowSeconds: 3_600 } })).status).toBe(200);
    expect((await burst(key, 30, 6)).filter((a) => a.code === 'VALID')).toHaveLength(10);
    // Removed: VALID without any ratelimit.
    expect((await stack.api('PATCH', `/v1/keys/${id}`, { ratelimit: null })).status).toBe(200);
    for (const a of await burst(key, 10, 5)) {
      expect(a.code).toBe('VALID');
      expect(a).not.toHaveProperty('ratelimit');
    }
  });

  it('a key without a limit answers as before, without ratelimit', async () => {
    const created = await stack.api<CreateKeyResult>('POST', '/v1/keys', { name: 'unlimited' });
    for (const a of await burst(created.body.key, 100, 10)) {
      expect(a.code).toBe('VALID');
      expect(a).not.toHaveProperty('ratelimit');
    }
  });

  it('a denied call spends nothing: INSUFFICIENT_PERMISSIONS leaves the window untouched', async () => {
    const created = await stack.api<CreateKeyResult>('POST', '/v1/keys', { name: 'narrow', permissions: { calls: 'read' }, ratelimit: { limit: 3, windowSeconds: 3_600 } });
    expect(created.status).toBe(201);
    for (let i = 0; i < 10; i++) expect((await stack.verify(created.body.key, 'calls:write')).code).toBe('INSUFFICIENT_PERMISSIONS');
    const valid = await stack.verify(created.body.key, 'calls:read');
    expect(valid).toMatchObject({ code: 'VALID', ratelimit: { limit: 3, remaining: 2 } });
  });
});

/**
 * The shared count out of reach: a NATS of the test's own without JetStream, so every request for
 * the count is refused. The workspace's `rateLimitWhenUnreachable` decides, and the answer says so.
 */
describe('rate limits when the shared count cannot be reached', () => {
  let nats: OwnNats;
  let stack: KeywardStack;

  beforeAll(async () => {
    nats = await OwnNats.start();
    stack = await KeywardStack.start({ natsUrl: nats.url, verifiers: 2 });
  }, 100_000);

  afterAll(async () => {
    await stack?.stop();
    await nats?.stop();
  });

  it('answers VALID with degraded under "allow" (the default), RATE_LIMITED with degraded under "deny"', async () => {
    const created = await stack.api<CreateKeyResult>('POST', '/v1/keys', { name: 'limited, no count', ratelimit: { limit: 5, windowSeconds: 60 } });
    expect(created.status).toBe(201);
    const allowed = await Promise.all(Array.from({ length: 10 }, () => stack.verify(created.body.key)));
    for (const a of allowed) expect(a).toMatchObject({ valid: true, code: 'VALID', ratelimit: { limit: 5, remaining: 0, degraded: true } });
    expect((await stack.api('PATCH', '/v1/workspace', { settings: { rateLimitWhenUnreachable: 'deny' } })).status).toBe(200);
    const denied = await Promise.all(Array.from({ length: 10 }, () => stack.verify(created.body.key)));
    for (const a of denied) expect(a).toEqual({ valid: false, code: 'RATE_LIMITED', keyId: created.body.id, ratelimit: { limit: 5, remaining: 0, reset: expect.any(String), degraded: true } });
    // A key without a limit does not notice.
    const unlimited = await stack.api<CreateKeyResult>('POST', '/v1/keys', { name: 'unlimited' });
    expect(await stack.verify(unlimited.body.key)).toMatchObject({ code: 'VALID' });
    expect(await stack.verify(unlimited.body.key)).not.toHaveProperty('ratelimit');
  });
});
