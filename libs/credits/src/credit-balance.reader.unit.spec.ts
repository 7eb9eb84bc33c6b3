import { MemorySharedCountStore } from '@keyward/consistency/testing';
import type { CreditCount, CreditsSetting } from './credit-basis';
import { readCreditBalance } from './credit-balance.reader';

const NOW = Date.parse('2026-01-15T12:00:00Z');
const credits: CreditsSetting = { remaining: 100, refill: { interval: 'daily', amount: 40 }, generation: 2, setAtMs: NOW - 1_000 };
const down = (): Promise<never> => Promise.reject(new Error('down'));

describe('readCreditBalance', () => {
  it('is the balance as set less what verifies spent, then the refill once a boundary has passed', async () => {
    const store = new MemorySharedCountStore<CreditCount>();
    await expect(readCreditBalance(store, 'key_a', credits, NOW)).resolves.toEqual({ remaining: 100 });
    await store.write('key_a', { basis: { generation: 2, periodStartMs: null }, spent: 30 }, 0);
    await expect(readCreditBalance(store, 'key_a', credits, NOW)).resolves.toEqual({ remaining: 70 });
    await expect(readCreditBalance(store, 'key_a', credits, NOW + 86_400_000)).resolves.toEqual({ remaining: 40 });
  });

  it('is the balance as set, said degraded, when the count cannot be reached or read, or is of a generation not known yet', async () => {
    await expect(readCreditBalance({ read: down, write: down }, 'key_a', credits, NOW)).resolves.toEqual({ remaining: 100, degraded: true });
    const store = new MemorySharedCountStore<CreditCount>();
    await store.write('key_a', { basis: { generation: 3, periodStartMs: null }, spent: 1 }, 0);
    await expect(readCreditBalance(store, 'key_a', credits, NOW + 86_400_000)).resolves.toEqual({ remaining: 40, degraded: true });
    // An entry that cannot be read is not "nothing spent".
    store.spoil('key_a');
    await expect(readCreditBalance(store, 'key_a', credits, NOW)).resolves.toEqual({ remaining: 100, degraded: true });
  });
});
