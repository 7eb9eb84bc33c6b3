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

  it('takes an entry it cannot read for a fresh window and writes over it: limits never leave a key degraded', async () => {
    const store = new MemoryCounterStore();
    const limiter = new GlobalRateLimiter(store, { budgetMs: 1_000, unreachableBackoffMs: 1_000 });
    store.spoil('key_a');
    await expect(Promise.resolve(limiter.take('key_a', RULE, 'deny', NOW, 2))).resolves.toMatchObject({ granted: true, remaining: 3, degraded: false });
    expect(store.peek('key_a')).toEqual({ start: 1_764_000_000_000, windowMs: 10_000, used: 2 });
  });

  describe('with a cost', () => {
    it('spends each call’s cost in arrival order; one that does not fit is refused and a cheaper later one still fits', async () => {
      const store = new MemoryCounterStore();
      const limiter = new GlobalRateLimiter(store, { budgetMs: 1_000, unreachableBackoffMs: 1_000 });
      const rule = { limit: 10, windowMs: 10_000 };
      const first = await limiter.take('key_a', rule, 'deny', NOW, 4);
      expect(first).toMatchObject({ granted: true, remaining: 6 });
      const batch = await Promise.all([5, 3, 1].map((cost) => limiter.take('key_a', rule, 'deny', NOW, cost)));
      // 6 left: 5 fits (1 left), 3 does not, 1 does.
      expect(batch.map((a) => [a.granted, a.remaining])).toEqual([
        [true, 1],
        [false, 0],
        [true, 0],
      ]);
    });

    it('refuses on the spot a cost larger than what a seen window has left, saying what is left', async () => {
      const store = new MemoryCounterStore();
      const limiter = new GlobalRateLimiter(store, { budgetMs: 1_000, unreachableBackoffMs: 1_000 });
      await limiter.take('key_a', RULE, 'deny', NOW, 3);
      const calls = store.calls;
      const refused = limiter.take('key_a', RULE, 'deny', NOW, 3);
      expect(refused).toEqual({ granted: false, limit: 5, remaining: 2, resetMs: 1_764_000_010_000, degraded: false });
      expect(store.calls).toBe(calls);
      await expect(Promise.resolve(limiter.take('key_a', RULE, 'deny', NOW, 2))).resolves.toMatchObject({ granted: true, remaining: 0 });
    });

    it('cost 0 only checks: granted while the window is not over its limit, and spends nothing', async () => {
      const store = new MemoryCounterStore();
      const limiter = new GlobalRateLimiter(store, { budgetMs: 1_000, unreachableBackoffMs: 1_000 });
      await expect(Promise.resolve(limiter.take('key_a', RULE, 'deny', NOW, 0))).resolves.toMatchObject({ granted: true, remaining: 5 });
      await limiter.take('key_a', RULE, 'deny', NOW, 5);
      await expect(Promise.resolve(limiter.take('key_a', RULE, 'deny', NOW, 0))).resolves.toMatchObject({ granted: true, remaining: 0 });
      await expect(Promise.resolve(limiter.take('key_a', RULE, 'deny', NOW, 1))).resolves.toMatchObject({ granted: false });
      // Lowered below what was spent: over its limit, so even a check is refused.
      await expect(Promise.resolve(limiter.take('key_a', { limit: 3, windowMs: 10_000 }, 'deny', NOW, 0))).resolves.toMatchObject({ granted: false, remaining: 0 });
    });

    describe('with a lease of its own left', () => {
      const rule = { limit: 10_000, windowMs: 10_000 };
      const WINDOW_START = Math.floor(NOW / 10_000) * 10_000;

      /** This replica takes a lease (99 of 10,000), then the other replicas spend the window down to 10 unleased. */
      const leaseThenOthersSpend = async (store: MemoryCounterStore): Promise<GlobalRateLimiter> => {
        const limiter = new GlobalRateLimiter(store, { budgetMs: 1_000, unreachableBackoffMs: 1_000 });
        await limiter.take('key_a', rule, 'deny', NOW);
        expect(store.peek('key_a')).toEqual({ start: WINDOW_START, windowMs: 10_000, used: 100 });
        const { revision } = await store.read('key_a');
        await store.write('key_a', { start: WINDOW_START, windowMs: 10_000, used: 9_990 }, revision);
        // More than the lease and what is unleased together: refused, saying both are left. It has read the count now.
        await expect(Promise.resolve(limiter.take('key_a', rule, 'deny', NOW, 110))).resolves.toMatchObject({ granted: false, remaining: 109 });
        return limiter;
      };

      it('counts its unused lease as its own, not as spent: refuses only a cost above the lease and what is unleased', async () => {
        const store = new MemoryCounterStore();
        const limiter = await leaseThenOthersSpend(store);
        // 99 leased + 10 unleased: a cost of 105 fits, the lease spent first.
        await expect(Promise.resolve(limiter.take('key_a', rule, 'deny', NOW, 105))).resolves.toMatchObject({ granted: true, remaining: 4 });
        expect(store.peek('key_a')?.used).toBe(9_996);
        const calls = store.calls;
        expect(limiter.take('key_a', rule, 'deny', NOW, 5)).toMatchObject({ granted: false, remaining: 4 });
        expect(store.calls).toBe(calls);
        await expect(Promise.resolve(limiter.take('key_a', rule, 'deny', NOW, 4))).resolves.toMatchObject({ granted: true, remaining: 0 });
        expect(store.peek('key_a')?.used).toBe(10_000);
      });

      it('takes the lease’s part out of it while the write is in flight: no call granted from it twice', async () => {
        const store = new MemoryCounterStore();
        const limiter = await leaseThenOthersSpend(store);
        let release: () => void = () => undefined;
        const gate = new Promise<void>((r) => (release = r));
        const write = store.write.bind(store);
        store.write = async (id, count, revision) => {
          await gate;
          return write(id, count, revision);
        };
        const big = limiter.take('key_a', rule, 'deny', NOW, 100);
        // The write for the 100 is in flight; these may not be granted from the 99 it is spending.
        const small = Array.from({ length: 20 }, () => limiter.take('key_a', rule, 'deny', NOW, 1));
        release();
        const answers = await Promise.all([big, ...small]);
        expect(answers[0]).toMatchObject({ granted: true });
        const granted = [100, ...small.map(() => 1)].filter((_, i) => answers[i].granted).reduce((a, b) => a + b, 0);
        expect(granted).toBe(109);
        expect(store.peek('key_a')?.used).toBe(10_000);
      });
    });

    it('takes costs from a lease: three replicas spending 7 at a time never exceed the limit', async () => {
      const store = new MemoryCounterStore();
      const replicas = [1, 2, 3].map(() => new GlobalRateLimiter(store, { budgetMs: 1_000, unreachableBackoffMs: 1_000 }));
      const rule = { limit: 70_000, windowMs: 10_000 };
      const answers = [];
      for (let round = 0; round < 120; round++) {
        answers.push(...(await Promise.all(Array.from({ length: 90 }, (_, i) => replicas[i % 3].take('key_a', rule, 'deny', NOW, 7)))));
      }
      const granted = answers.filter((a) => a.granted).length;
      expect(granted * 7).toBeLessThanOrEqual(70_000);
      expect(granted * 7).toBeGreaterThanOrEqual(0.97 * 70_000);
      expect(store.calls).toBeLessThan(answers.length / 10);
    });
  });
});
