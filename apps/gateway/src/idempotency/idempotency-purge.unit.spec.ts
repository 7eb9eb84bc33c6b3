import { Logger } from '@nestjs/common';
import type { IdempotencyStore } from '@keyward/idempotency';
import { IdempotencyPurge } from './idempotency-purge';

/** A store whose expired rows number `expired`: each batch deletes up to its limit of them. */
const storeHolding = (expired: number) => {
  let left = expired;
  const batches: number[] = [];
  const store = {
    purgeExpired: async (limit: number) => {
      const deleted = Math.min(limit, left);
      left -= deleted;
      batches.push(deleted);
      return deleted;
    },
  } as unknown as IdempotencyStore;
  return { store, batches, left: () => left };
};

describe('IdempotencyPurge', () => {
  it('deletes batch after batch until one comes back short, so a backlog larger than one batch goes in one pass', async () => {
    const { store, batches, left } = storeHolding(12_345);
    expect(await new IdempotencyPurge(store).purge()).toBe(12_345);
    expect(left()).toBe(0);
    expect(batches).toEqual([5_000, 5_000, 2_345]);
  });

  it('stops after one statement when nothing (or little) has expired', async () => {
    const { store, batches } = storeHolding(0);
    expect(await new IdempotencyPurge(store).purge()).toBe(0);
    expect(batches).toEqual([0]);
  });

  it('is bounded: an endless backlog stops after a bounded number of batches', async () => {
    const { store, batches } = storeHolding(Number.MAX_SAFE_INTEGER);
    await new IdempotencyPurge(store).purge();
    expect(batches.length).toBeGreaterThan(1);
    expect(batches.length).toBeLessThanOrEqual(1_000);
  });

  it('keeps what it deleted and warns (the name only) when the database fails midway', async () => {
    const warned = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    let calls = 0;
    const store = {
      purgeExpired: async () => {
        if (++calls > 1) throw new Error('connection terminated: secret detail');
        return 5_000;
      },
    } as unknown as IdempotencyStore;
    expect(await new IdempotencyPurge(store).purge()).toBe(5_000);
    expect(warned).toHaveBeenCalledWith('purge failed: Error');
    warned.mockRestore();
  });
});
