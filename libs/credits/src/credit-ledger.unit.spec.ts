import { MemorySharedCountStore } from '@keyward/consistency/testing';
import type { CreditCount, CreditsSetting } from './credit-basis';
import { CreditLedger, type CreditCountStore, type CreditSpend } from './credit-ledger';

const NOW = Date.parse('2026-01-15T12:00:00Z');
const setting = (remaining: number, generation = 1): CreditsSetting => ({ remaining, generation, setAtMs: NOW - 1_000 });
const options = { budgetMs: 1_000, writeSettleMs: 1_000, unreachableBackoffMs: 1_000 };
const summary = (answers: readonly CreditSpend[]): string[] => answers.map((a) => (a.outcome === 'unavailable' ? 'unavailable' : `${a.outcome} ${a.remaining}`));

describe('CreditLedger', () => {
  it('serves the calls that queue behind a write with one more write, each in order if its cost fits', async () => {
    const store = new MemorySharedCountStore<CreditCount>();
    const ledger = new CreditLedger(store, options);
    const credits = setting(10);
    const first = ledger.spend('key_a', credits, 1, NOW);
    // These wait behind the first write and form one batch: a cost-6 call refused does not block a later one that fits.
    const rest = [4, 6, 1, 0, 3, 1].map((cost) => ledger.spend('key_a', credits, cost, NOW));
    expect(summary(await Promise.all([first, ...rest]))).toEqual(['granted 9', 'granted 5', 'exceeded 5', 'granted 4', 'granted 4', 'granted 1', 'granted 0']);
    expect(store.calls).toBe(2);
    expect(store.peek('key_a')).toEqual({ basis: { generation: 1, periodStartMs: null }, spent: 10 });
  });

  it('answers a balance known to be spent on the spot, without a round trip, check-only calls included', async () => {
    const store = new MemorySharedCountStore<CreditCount>();
    const ledger = new CreditLedger(store, options);
    await ledger.spend('key_a', setting(2), 2, NOW);
    const calls = store.calls;
    expect(ledger.spend('key_a', setting(2), 1, NOW)).toEqual({ outcome: 'exceeded', remaining: 0 });
    expect(ledger.spend('key_a', setting(2), 0, NOW)).toEqual({ outcome: 'exceeded', remaining: 0 });
    expect(store.calls).toBe(calls);
  });

  it("answers a check (cost 0) and a refusal from the stored count, never from one another replica may have spent since", async () => {
    const store = new MemorySharedCountStore<CreditCount>();
    const [a, b] = [new CreditLedger(store, options), new CreditLedger(store, options)];
    expect(await a.spend('key_a', setting(5), 1, NOW)).toEqual({ outcome: 'granted', remaining: 4 });
    expect(await b.spend('key_a', setting(5), 3, NOW)).toEqual({ outcome: 'granted', remaining: 1 });
    // `a` last knew 4 left: it reads before it answers.
    expect(await a.spend('key_a', setting(5), 0, NOW)).toEqual({ outcome: 'granted', remaining: 1 });
    expect(await b.spend('key_a', setting(5), 1, NOW)).toEqual({ outcome: 'granted', remaining: 0 });
    expect(await a.spend('key_a', setting(5), 2, NOW)).toEqual({ outcome: 'exceeded', remaining: 0 });
    expect(await a.spend('key_a', setting(5), 0, NOW)).toEqual({ outcome: 'exceeded', remaining: 0 });
  });

  it('re-reads and plans again after losing a compare-and-set: never more than the balance across replicas', async () => {
    const store = new MemorySharedCountStore<CreditCount>();
    const replicas = [1, 2, 3].map(() => new CreditLedger(store, options));
    const answers = await Promise.all(Array.from({ length: 300 }, (_, i) => replicas[i % 3].spend('key_a', setting(100), 1, NOW)));
    const granted = answers.filter((a) => a.outcome === 'granted');
    expect(granted).toHaveLength(100);
    expect(granted.map((a) => (a.outcome === 'granted' ? a.remaining : -1)).sort((x, y) => x - y)).toEqual(Array.from({ length: 100 }, (_, i) => i));
    expect(store.peek('key_a')?.spent).toBe(100);
  });

  it('spends a new generation afresh, and answers unavailable while its index is behind the stored generation', async () => {
    const store = new MemorySharedCountStore<CreditCount>();
    const [a, b] = [new CreditLedger(store, options), new CreditLedger(store, options)];
    await a.spend('key_a', setting(3), 3, NOW);
    expect(await a.spend('key_a', setting(2, 2), 1, NOW)).toEqual({ outcome: 'granted', remaining: 1 });
    expect(await b.spend('key_a', setting(3, 1), 1, NOW)).toEqual({ outcome: 'unavailable' });
    expect(await b.spend('key_a', setting(2, 2), 1, NOW)).toEqual({ outcome: 'granted', remaining: 0 });
  });

  it('answers unavailable for an entry it cannot read, never a fresh balance over it, until the entry is mended', async () => {
    const store = new MemorySharedCountStore<CreditCount>();
    const ledger = new CreditLedger(store, options);
    await ledger.spend('key_a', setting(10), 4, NOW);
    store.spoil('key_a');
    const answers = await Promise.all([1, 0, 5].map((cost) => ledger.spend('key_a', setting(10), cost, NOW)));
    expect(summary(answers)).toEqual(['unavailable', 'unavailable', 'unavailable']);
    // Read again on the next call too; still nothing written over the entry.
    expect(await new CreditLedger(store, options).spend('key_a', setting(10), 1, NOW)).toEqual({ outcome: 'unavailable' });
    expect(await ledger.spend('key_a', setting(10), 1, NOW)).toEqual({ outcome: 'unavailable' });
    expect(store.peek('key_a')).toBeUndefined();
    const { revision } = await store.read('key_a');
    await store.write('key_a', { basis: { generation: 1, periodStartMs: null }, spent: 4 }, revision);
    expect(await ledger.spend('key_a', setting(10), 1, NOW)).toEqual({ outcome: 'granted', remaining: 5 });
  });

  it('refills once a boundary has passed, whatever the replica', async () => {
    const store = new MemorySharedCountStore<CreditCount>();
    const [a, b] = [new CreditLedger(store, options), new CreditLedger(store, options)];
    const credits: CreditsSetting = { ...setting(2), refill: { interval: 'daily', amount: 3 } };
    await a.spend('key_a', credits, 2, NOW);
    expect(a.spend('key_a', credits, 1, NOW)).toEqual({ outcome: 'exceeded', remaining: 0 });
    const tomorrow = NOW + 86_400_000;
    expect(await a.spend('key_a', credits, 1, tomorrow)).toEqual({ outcome: 'granted', remaining: 2 });
    expect(await b.spend('key_a', credits, 2, tomorrow)).toEqual({ outcome: 'granted', remaining: 0 });
    expect(await a.spend('key_a', credits, 1, tomorrow + 1)).toEqual({ outcome: 'exceeded', remaining: 0 });
  });

  it('answers unavailable once the budget is spent on a contended count, and goes on to other owners', async () => {
    const store = new MemorySharedCountStore<CreditCount>();
    store.alwaysConflict = true;
    let clock = 0;
    const ledger = new CreditLedger(
      {
        read: (id) => {
          clock += 100;
          return store.read(id);
        },
        write: (id, c, r) => store.write(id, c, r),
      },
      { ...options, clock: () => clock },
    );
    expect(await ledger.spend('key_a', setting(5), 1, NOW)).toEqual({ outcome: 'unavailable' });
    store.alwaysConflict = false;
    expect(await ledger.spend('key_b', setting(5), 1, NOW)).toEqual({ outcome: 'granted', remaining: 4 });
  });

  it('fails closed when the store does not answer, and answers at once for the back-off', async () => {
    let calls = 0;
    const down = (): Promise<never> => {
      calls++;
      return Promise.reject(new Error('down'));
    };
    let clock = 0;
    const ledger = new CreditLedger({ read: down, write: down }, { ...options, clock: () => clock });
    const answers = await Promise.all([1, 0, 5].map((cost) => ledger.spend('key_a', setting(10), cost, NOW)));
    expect(summary(answers)).toEqual(['unavailable', 'unavailable', 'unavailable']);
    const tried = calls;
    expect(ledger.spend('key_b', setting(10), 1, NOW)).toEqual({ outcome: 'unavailable' });
    expect(calls).toBe(tried);
    clock = 1_000;
    await expect(ledger.spend('key_b', setting(10), 1, NOW)).resolves.toEqual({ outcome: 'unavailable' });
    expect(calls).toBeGreaterThan(tried);
  });

  it('answers unavailable when a store call is late, within the budget', async () => {
    const never = (): Promise<never> => new Promise(() => undefined);
    const ledger = new CreditLedger({ read: never, write: never }, { budgetMs: 50, writeSettleMs: 50, unreachableBackoffMs: 0 });
    await expect(ledger.spend('key_a', setting(10), 1, NOW)).resolves.toEqual({ outcome: 'unavailable' });
  });

  describe('with a write that answers after the budget', () => {
    /** The memory store whose writes land `delayMs` late, as a slow KV's would: the write is not cancelled. */
    const slowWrites = (store: MemorySharedCountStore<CreditCount>, delayMs: number): CreditCountStore => ({
      read: (id) => store.read(id),
      write: (id, count, revision) => new Promise((resolve) => setTimeout(() => resolve(store.write(id, count, revision)), delayMs)),
    });

    it('waits for it within the store’s own timeout, and grants what it spent', async () => {
      const store = new MemorySharedCountStore<CreditCount>();
      const ledger = new CreditLedger(slowWrites(store, 120), { budgetMs: 40, writeSettleMs: 400, unreachableBackoffMs: 1_000 });
      expect(await ledger.spend('key_a', setting(10), 3, NOW)).toEqual({ outcome: 'granted', remaining: 7 });
      expect(store.peek('key_a')?.spent).toBe(3);
      // Not taken for unreachable: the store answered. Nothing was spent without a grant.
      expect(await ledger.spend('key_a', setting(10), 7, NOW)).toEqual({ outcome: 'granted', remaining: 0 });
    });

    it('answers unavailable once its timeout has passed too, and re-reads before granting from the count it may have moved', async () => {
      const store = new MemorySharedCountStore<CreditCount>();
      let delayMs = 200;
      const ledger = new CreditLedger(
        { read: (id) => store.read(id), write: (id, c, r) => new Promise((resolve) => setTimeout(() => resolve(store.write(id, c, r)), delayMs)) },
        { budgetMs: 20, writeSettleMs: 20, unreachableBackoffMs: 0 },
      );
      expect(await ledger.spend('key_a', setting(10), 4, NOW)).toEqual({ outcome: 'unavailable' });
      await new Promise((r) => setTimeout(r, 250));
      // The late write landed: those 4 are gone. The ledger's next write names the old revision, loses, re-reads: 6 left, never 10.
      expect(store.peek('key_a')?.spent).toBe(4);
      delayMs = 0;
      expect(await ledger.spend('key_a', setting(10), 6, NOW)).toEqual({ outcome: 'granted', remaining: 0 });
      expect(await ledger.spend('key_a', setting(10), 1, NOW)).toEqual({ outcome: 'exceeded', remaining: 0 });
      expect(store.peek('key_a')?.spent).toBe(10);
    });
  });

  it('serves a batch larger than a call’s argument limit', async () => {
    const ledger = new CreditLedger(new MemorySharedCountStore<CreditCount>(), options);
    const first = ledger.spend('key_a', setting(5), 1, NOW);
    const waiting = Array.from({ length: 200_000 }, () => ledger.spend('key_a', setting(5), 1, NOW));
    await first;
    expect((await Promise.all(waiting)).filter((a) => a.outcome === 'granted')).toHaveLength(4);
  });
});
