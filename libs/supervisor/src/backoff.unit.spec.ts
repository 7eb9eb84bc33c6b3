import fc from 'fast-check';
import { backoffDelay } from './backoff';

const schedule = { initialDelayMs: 250, maxDelayMs: 10_000 };

describe('backoffDelay', () => {
  it('doubles from 250 ms and stops at 10 s', () => {
    expect(Array.from({ length: 8 }, (_, attempt) => backoffDelay(attempt, schedule))).toEqual([250, 500, 1_000, 2_000, 4_000, 8_000, 10_000, 10_000]);
  });

  it('never exceeds the cap nor shrinks as attempts grow, however many there are', () => {
    fc.assert(
      fc.property(fc.nat(10_000), fc.integer({ min: 1, max: 5_000 }), fc.integer({ min: 1, max: 120_000 }), (attempt, initialDelayMs, maxDelayMs) => {
        const s = { initialDelayMs, maxDelayMs };
        const delay = backoffDelay(attempt, s);
        expect(Number.isFinite(delay)).toBe(true);
        expect(delay).toBeLessThanOrEqual(maxDelayMs);
        expect(backoffDelay(attempt + 1, s)).toBeGreaterThanOrEqual(delay);
      }),
    );
  });
});
