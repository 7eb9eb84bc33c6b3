import fc from 'fast-check';
import { MemorySharedCountStore } from '@keyward/consistency/testing';
import type { SharedCountStore } from '@keyward/consistency';
import type { CreditCount, CreditsSetting } from './credit-basis';
import { CreditLedger, type CreditSpend } from './credit-ledger';

const NOW = Date.parse('2026-01-15T12:00:00Z');

/** The memory store, each answer given back after a random number of turns: replicas' round trips interleave every which way. */
const jittered = (store: MemorySharedCountStore<CreditCount>, turns: () => number): SharedCountStore<CreditCount> => {
  const later = async <T>(answer: Promise<T>): Promise<T> => {
    for (let i = turns(); i > 0; i--) await new Promise((r) => setImmediate(r));
    return answer;
  };
  return { read: (id) => later(store.read(id)), write: (id, c, r) => later(store.write(id, c, r)) };
};

describe('CreditLedger, three replicas under random costs and interleavings', () => {
  it('spends exactly what it grants, never more than the balance, and refuses only a cost that what is left cannot pay', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: 40 }),
        fc.array(fc.record({ replica: fc.integer({ min: 0, max: 2 }), cost: fc.integer({ min: 0, max: 7 }) }), { minLength: 1, maxLength: 60 }),
        fc.infiniteStream(fc.integer({ min: 0, max: 3 })),
        async (balance, calls, delays) => {
          const store = new MemorySharedCountStore<CreditCount>();
          const jitter = delays[Symbol.iterator]();
          const shared = jittered(store, () => jitter.next().value as number);
          const replicas = [0, 1, 2].map(() => new CreditLedger(shared, { budgetMs: 60_000, writeSettleMs: 0, unreachableBackoffMs: 0 }));
          const setting: CreditsSetting = { remaining: balance, generation: 1, setAtMs: NOW - 1 };
          const answers: CreditSpend[] = await Promise.all(calls.map((c) => replicas[c.replica].spend('key_a', setting, c.cost, NOW)));

          const spent = store.peek('key_a')?.spent ?? 0;
          const left = balance - spent;
          const paid = calls.map((c, i) => ({ ...c, answer: answers[i] })).filter((x) => x.answer.outcome === 'granted' && x.cost > 0);
          expect(answers.filter((a) => a.outcome === 'unavailable')).toEqual([]);
          expect(paid.reduce((sum, x) => sum + x.cost, 0)).toBe(spent);
          expect(spent).toBeLessThanOrEqual(balance);
          // The paying calls tile the balance: one order in which each took its cost from what the one before left.
          const byRemaining = paid.map((x) => ({ cost: x.cost, remaining: (x.answer as { remaining: number }).remaining })).sort((a, b) => b.remaining - a.remaining);
          byRemaining.reduce((before, x) => {
            expect(x.remaining + x.cost).toBe(before);
            return x.remaining;
          }, balance);
          calls.forEach((c, i) => {
            const a = answers[i];
            if (a.outcome !== 'exceeded') return;
            // Refused: what was left then could not pay, and what is left now (never more) cannot either.
            expect(c.cost === 0 ? a.remaining === 0 : a.remaining < c.cost).toBe(true);
            expect(left).toBeLessThanOrEqual(a.remaining);
          });
        },
      ),
      { numRuns: 300 },
    );
  });
});
