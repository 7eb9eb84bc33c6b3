import { randomBytes } from 'node:crypto';
import { connect, type NatsConnection } from 'nats';
import { GlobalRateLimiter } from './global-rate-limiter';
import { JetStreamCounterStore } from './jetstream-counter.store';
import type { KeyRateLimit, RateLimitDecision, WhenUnreachable } from './rate-limit-decision';

const BUCKET = 'keyward-ratelimit-test';
const LIMIT: KeyRateLimit = { limit: 50, windowMs: 10_000 };
/** A fixed instant in the middle of a 10 s window: the test decides which window each call is in. */
const T0 = 1_764_000_005_000;
const WINDOW_END = 1_764_000_010_000;

const freshKeyId = (): string => `key_${randomBytes(18).toString('base64url').replace(/[-_]/g, 'x').slice(0, 24)}`;

/** Three replicas: three connections, three stores, three limiters, one shared bucket, as three verifiers would. */
describe('GlobalRateLimiter over JetStream KV', () => {
  const connections: NatsConnection[] = [];
  let replicas: GlobalRateLimiter[];

  const replica = async (): Promise<GlobalRateLimiter> => {
    if (!process.env.NATS_URL) throw new Error('NATS_URL is not set: run the tests with "npm test"');
    const nats = await connect({ servers: process.env.NATS_URL });
    connections.push(nats);
    return new GlobalRateLimiter(new JetStreamCounterStore(nats, { bucket: BUCKET, timeoutMs: 2_000 }), { budgetMs: 2_000, unreachableBackoffMs: 1_000 });
  };

  beforeEach(async () => {
    replicas = [await replica(), await replica(), await replica()];
  });

  afterEach(async () => {
    await Promise.all(connections.splice(0).map((c) => c.close()));
  });

  /** `clients` concurrent callers, each making its calls one after another, spread over the replicas. */
  const demand = async (keyId: string, calls: number, clients: number, rule: KeyRateLimit, now: number): Promise<RateLimitDecision[]> => {
    const answers: RateLimitDecision[] = [];
    let next = 0;
    await Promise.all(
      Array.from({ length: clients }, async (_, client) => {
        while (next < calls) {
          const n = next++;
          answers.push(await replicas[(client + n) % replicas.length].take(keyId, rule, 'deny', now));
        }
      }),
    );
    return answers;
  };

  it('grants exactly the limit across three replicas under 500 concurrent calls, each with its own remaining', async () => {
    const keyId = freshKeyId();
    const answers = await demand(keyId, 500, 64, LIMIT, T0);
    const granted = answers.filter((a) => a.granted);
    expect(answers).toHaveLength(500);
    expect(granted.length).toBeLessThanOrEqual(50);
    expect(granted.length).toBeGreaterThanOrEqual(45);
    // Each VALID answer took one place in the window: remaining counts down 49 … 0 without repeats.
    expect(granted.map((a) => a.remaining).sort((a, b) => a - b)).toEqual(Array.from({ length: granted.length }, (_, i) => 50 - granted.length + i));
    for (const a of answers) expect(a).toMatchObject({ limit: 50, resetMs: WINDOW_END, degraded: false });
    for (const a of answers.filter((x) => !x.granted)) expect(a.remaining).toBe(0);
  });

  it('with leases (a limit far above one batch), never more than the limit and at least 90% of it', async () => {
    const keyId = freshKeyId();
    const rule = { limit: 5_000, windowMs: 10_000 };
    const answers = await demand(keyId, 6_000, 64, rule, T0);
    const granted = answers.filter((a) => a.granted);
    expect(granted.length).toBeLessThanOrEqual(5_000);
    expect(granted.length).toBeGreaterThanOrEqual(4_500);
    for (const a of granted) expect(a.remaining).toBeLessThan(5_000);
  });

  it('spends costs across three replicas: never more tokens than the limit, and at least 90% of it under demand', async () => {
    const keyId = `${freshKeyId()}.tokens`;
    const rule = { limit: 7_000, windowMs: 10_000 };
    let next = 0;
    const answers: RateLimitDecision[] = [];
    await Promise.all(
      Array.from({ length: 64 }, async (_, client) => {
        while (next < 1_500) {
          const n = next++;
          answers.push(await replicas[(client + n) % replicas.length].take(keyId, rule, 'deny', T0, 7));
        }
      }),
    );
    const spent = answers.filter((a) => a.granted).length * 7;
    expect(spent).toBeLessThanOrEqual(7_000);
    expect(spent).toBeGreaterThanOrEqual(6_300);
  });

  it('grants the limit again in the next window, and never more in any window', async () => {
    const keyId = freshKeyId();
    const first = await demand(keyId, 120, 16, LIMIT, T0);
    const second = await demand(keyId, 120, 16, LIMIT, WINDOW_END + 1);
    expect(first.filter((a) => a.granted)).toHaveLength(50);
    expect(second.filter((a) => a.granted)).toHaveLength(50);
    for (const a of second) expect(a.resetMs).toBe(WINDOW_END + 10_000);
  });

  it('answers a window it has seen spent on the spot, without a round trip', async () => {
    const keyId = freshKeyId();
    await demand(keyId, 60, 4, LIMIT, T0);
    const denied = { granted: false, limit: 50, remaining: 0, resetMs: WINDOW_END, degraded: false };
    for (const r of replicas) {
      // A replica learns the window is spent from the shared count once, then knows it.
      await expect(Promise.resolve(r.take(keyId, LIMIT, 'deny', T0 + 1))).resolves.toEqual(denied);
      const again = r.take(keyId, LIMIT, 'deny', T0 + 2);
      expect(again).not.toBeInstanceOf(Promise);
      expect(again).toEqual(denied);
    }
  });

  it('applies a limit change mid-window to the count already spent', async () => {
    const keyId = freshKeyId();
    const grantedUnder = async (rule: KeyRateLimit, calls: number): Promise<number> => (await demand(keyId, calls, 8, rule, T0)).filter((a) => a.granted).length;
    expect(await grantedUnder(LIMIT, 30)).toBe(30);
    expect(await grantedUnder({ limit: 40, windowMs: 10_000 }, 30)).toBe(10);
    // Lowered below what was spent: nothing left, remaining 0, on every replica.
    const lowered = await Promise.all(replicas.map((r) => r.take(keyId, { limit: 20, windowMs: 10_000 }, 'deny', T0)));
    for (const a of lowered) expect(a).toMatchObject({ granted: false, limit: 20, remaining: 0 });
    // Raised again: the replicas that knew the window spent under the old limit grant at once.
    expect(await grantedUnder({ limit: 45, windowMs: 10_000 }, 30)).toBe(5);
  });

  it.each<[WhenUnreachable, boolean]>([
    ['allow', true],
    ['deny', false],
  ])('with the shared count unreachable, rateLimitWhenUnreachable %s decides and says degraded', async (whenUnreachable, granted) => {
    const nats = await connect({ servers: process.env.NATS_URL });
    const limiter = new GlobalRateLimiter(new JetStreamCounterStore(nats, { bucket: BUCKET, timeoutMs: 500 }), { budgetMs: 500, unreachableBackoffMs: 60_000 });
    await nats.close();
    const first = await limiter.take(freshKeyId(), LIMIT, whenUnreachable, T0);
    expect(first).toEqual({ granted, limit: 50, remaining: 0, resetMs: WINDOW_END, degraded: true });
    // Within the back-off it does not wait on the shared count again.
    const next = limiter.take(freshKeyId(), LIMIT, whenUnreachable, T0);
    expect(next).toEqual(first);
  });

  it('counts a shared count that does not answer in time as unreachable, within the budget', async () => {
    const nats = await connect({ servers: process.env.NATS_URL });
    connections.push(nats);
    // A JetStream domain whose API requests a subscriber takes and never answers: late, not refused.
    const domain = `silent${Date.now()}`;
    const swallow = nats.subscribe(`$JS.${domain}.API.>`);
    const limiter = new GlobalRateLimiter(new JetStreamCounterStore(nats, { bucket: BUCKET, timeoutMs: 5_000, domain }), {
      budgetMs: 300,
      unreachableBackoffMs: 0,
    });
    const started = Date.now();
    await expect(limiter.take(freshKeyId(), LIMIT, 'deny', T0)).resolves.toMatchObject({ granted: false, degraded: true });
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(swallow.getReceived()).toBeGreaterThan(0);
  });
});
