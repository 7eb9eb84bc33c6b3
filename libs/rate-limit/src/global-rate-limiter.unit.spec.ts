import { MemorySharedCountStore } from '@keyward/consistency/testing';
import type { WindowCount } from './fixed-window';
import { GlobalRateLimiter } from './global-rate-limiter';

/** The port's semantics in memory, with a count of round trips. */
class MemoryCounterStore extends MemorySharedCountStore<WindowCount> {}

const RULE = { limit: 5, windowMs: 10_000 };
const NOW = 1_764_000_005_000;

describe('GlobalRateLimiter', () => {
  it('serves calls that queue behind a write with one more write, in arrival order', async () => {
    const store = new MemoryCounterStore();
    const limiter = new GlobalRateLimiter(store, { budgetMs: 1_000, unreachableBackoffMs: 1_000 });
    const answers = await Promise.all(Array.from({ length: 8 }, () => limiter.take('key_a', RULE, 'deny', NOW)));
    expect(answers.map((a) => [a.granted, a.remaining])).toEqual([
      [true, 4],
      [true, 3],
      [true, 2],
      [true, 1],
      [true, 0],
      [false, 0],
      [false, 0],
      [false, 0],
    ]);
    // The first call alone, then the seven that waited behind it together.
    expect(store.calls).toBe(2);
  });

  it('gives up on a count it keeps losing once the budget is spent, and answers degraded', async () => {
    const store = new MemoryCounterStore();
    store.alwaysConflict = true;
    let clock = 0;
    const limiter = new GlobalRateLimiter(
      {
        read: (k) => {
          clock += 100;
          return store.read(k);
        },
        write: (k, c, r) => store.write(k, c, r),
      },
      { budgetMs: 1_000, unreachableBackoffMs: 1_000, clock: () => clock },
    );
    await expect(limiter.take('key_a', RULE, 'allow', NOW)).resolves.toMatchObject({ granted: true, degraded: true, remaining: 0 });
    expect(store.calls).toBeLessThanOrEqual(22);
    // One contended key is its own: the store answers, so another key still goes to it, and is counted.
    store.alwaysConflict = false;
    const before = store.calls;
    await expect(limiter.take('key_b', RULE, 'deny', NOW)).resolves.toMatchObject({ granted: true, remaining: 4 });
    expect(store.calls).toBeGreaterThan(before);
  });

  it('after the store did not answer, answers every key degraded at once for the back-off', async () => {
    let calls = 0;
    const limiter = new GlobalRateLimiter(
      {
        read: () => {
          calls++;
          return Promise.reject(new Error('down'));
        },
        write: () => {
          calls++;
          return Promise.reject(new Error('down'));
        },
      },
      { budgetMs: 1_000, unreachableBackoffMs: 60_000 },
    );
    await expect(limiter.take('key_a', RULE, 'deny', NOW)).resolves.toMatchObject({ granted: false, degraded: true });
    const tried = calls;
    expect(tried).toBeGreaterThan(0);
    expect(limiter.take('key_b', RULE, 'allow', NOW)).toMatchObject({ granted: true, degraded: true });
    expect(calls).toBe(tried);
  });

  it('serves a batch larger than a call’s argument limit', async () => {
    const store = new MemoryCounterStore();
    const limiter = new GlobalRateLimiter(store, { budgetMs: 1_000, unreachableBackoffMs: 1_000 });
    const first = limiter.take('key_a', RULE, 'deny', NOW);
    // All of these wait behind the first write, and are served as one batch.
    const waiting = Array.from({ length: 200_000 }, () => limiter.take('key_a', RULE, 'deny', NOW));
    await first;
    const answers = await Promise.all(waiting);
    expect(answers.filter((a) => a.granted)).toHaveLength(4);
  });

  it('answers degraded when the store throws, and never leaves a call waiting', async () => {
    const limiter = new GlobalRateLimiter(
      { read: () => Promise.reject(new Error('down')), write: () => Promise.reject(new TypeError('bug')) },
      { budgetMs: 1_000, unreachableBackoffMs: 0 },
    );
    const answers = await Promise.all([1, 2, 3].map(() => limiter.take('key_a', RULE, 'deny', NOW)));
    for (const a of answers) expect(a).toEqual({ granted: false, limit: 5, remaining: 0, resetMs: 1_764_000_010_000, degraded: true });
  });

  it('leases tokens while much is left: three replicas never exceed the limit, grant at least 97% of it, and mostly without a round trip', async () => {
    const store = new MemoryCounterStore();
    const replicas = [1, 2, 3].map(() => new GlobalRateLimiter(store, { budgetMs: 1_000, unreachableBackoffMs: 1_000 }));
    const rule = { limit: 30_000, windowMs: 10_000 };
    const answers = [];
    for (let round = 0; round < 400; round++) {
      const grantedBefore = answers.filter((a) => a.granted).length;
      const these = await Promise.all(Array.from({ length: 90 }, (_, i) => replicas[i % 3].take('key_a', rule, 'deny', NOW)));
      // Never more than is truly left: at most what was not granted before this round began.
      for (const a of these.filter((x) => x.granted)) expect(a.remaining).toBeLessThan(30_000 - grantedBefore);
      answers.push(...these);
    }
    const granted = answers.filter((a) => a.granted);
    expect(granted.length).toBeLessThanOrEqual(30_000);
    expect(granted.length).toBeGreaterThanOrEqual(29_100);
    expect(store.calls).toBeLessThan(answers.length / 20);
  });

  it('drops a lease when the limit changes: a lowered limit is not exceeded from tokens leased before', async () => {
    const store = new MemoryCounterStore();
    const limiter = new GlobalRateLimiter(store, { budgetMs: 1_000, unreachableBackoffMs: 1_000 });
    await Promise.all(Array.from({ length: 10 }, () => limiter.take('key_a', { limit: 100_000, windowMs: 10_000 }, 'deny', NOW)));
    const lowered = await Promise.all(Array.from({ length: 10 }, () => limiter.take('key_a', { limit: 5, windowMs: 10_000 }, 'deny', NOW)));
    expect(lowered.filter((a) => a.granted)).toEqual([]);
  });
});
