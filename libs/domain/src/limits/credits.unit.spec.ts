import { DomainError } from '../domain.error';
import { isCredits, MAX_CREDITS, validCredits } from './credits';

const fieldOf = (run: () => unknown): string | undefined => {
  try {
    run();
  } catch (error) {
    return error instanceof DomainError ? error.field : 'not a DomainError';
  }
  return undefined;
};

describe('credits', () => {
  it('accepts a balance with or without a refill, copied', () => {
    const raw = { remaining: 100, refill: { interval: 'daily', amount: 50 }, extra: true };
    expect(validCredits(raw)).toEqual({ remaining: 100, refill: { interval: 'daily', amount: 50 } });
    expect(validCredits({ remaining: 0 })).toEqual({ remaining: 0 });
    expect(validCredits({ remaining: MAX_CREDITS, refill: { interval: 'monthly', amount: 1 } }).refill?.interval).toBe('monthly');
  });

  it.each([
    [null, 'credits'],
    [[], 'credits'],
    [{ remaining: -1 }, 'credits.remaining'],
    [{ remaining: 1.5 }, 'credits.remaining'],
    [{ remaining: MAX_CREDITS + 1 }, 'credits.remaining'],
    [{ remaining: '5' }, 'credits.remaining'],
    [{ remaining: 1, refill: 'daily' }, 'credits.refill'],
    [{ remaining: 1, refill: { interval: 'weekly', amount: 1 } }, 'credits.refill.interval'],
    [{ remaining: 1, refill: { interval: 'daily', amount: 0 } }, 'credits.refill.amount'],
  ])('refuses %j at %s', (raw, field) => {
    expect(fieldOf(() => validCredits(raw))).toBe(field);
    expect(isCredits(raw)).toBe(false);
  });
});
