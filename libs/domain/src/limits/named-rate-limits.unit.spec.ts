import { MAX_NAMED_RATE_LIMITS } from '@keyward/contracts';
import { DomainError } from '../domain.error';
import { sameNamedRateLimits, validNamedRateLimits } from './named-rate-limits';

const fieldOf = (raw: unknown): string | undefined => {
  try {
    validNamedRateLimits(raw);
  } catch (error) {
    return error instanceof DomainError ? error.field : 'not a DomainError';
  }
  return undefined;
};

describe('named rate limits', () => {
  it('copies each limit and applies it by default', () => {
    const limits = validNamedRateLimits([{ name: 'tokens', limit: 5, windowSeconds: 60, junk: 1 }, { name: 'ops-2', limit: 1, windowSeconds: 1, autoApply: false }]);
    expect(limits).toEqual([
      { name: 'tokens', limit: 5, windowSeconds: 60, autoApply: true },
      { name: 'ops-2', limit: 1, windowSeconds: 1, autoApply: false },
    ]);
    expect(sameNamedRateLimits(limits, validNamedRateLimits(limits))).toBe(true);
    expect(sameNamedRateLimits(limits, limits.slice(1))).toBe(false);
  });

  it.each([
    [{}, 'ratelimits'],
    [Array.from({ length: MAX_NAMED_RATE_LIMITS + 1 }, (_, i) => ({ name: `n${i}`, limit: 1, windowSeconds: 1 })), 'ratelimits'],
    [[{ name: 'a.b', limit: 1, windowSeconds: 1 }], 'ratelimits[0].name'],
    [[{ name: '', limit: 1, windowSeconds: 1 }], 'ratelimits[0].name'],
    [[{ name: 'x'.repeat(65), limit: 1, windowSeconds: 1 }], 'ratelimits[0].name'],
    [[{ name: 'a', limit: 1, windowSeconds: 1 }, { name: 'a', limit: 2, windowSeconds: 1 }], 'ratelimits[1].name'],
    [[{ name: 'a', limit: 0, windowSeconds: 1 }], 'ratelimits[0].limit'],
    [[{ name: 'a', limit: 1, windowSeconds: 86_401 }], 'ratelimits[0].windowSeconds'],
    [[{ name: 'a', limit: 1, windowSeconds: 1, autoApply: 'yes' }], 'ratelimits[0].autoApply'],
    [[null], 'ratelimits[0]'],
  ])('refuses %j at %s', (raw, field) => {
    expect(fieldOf(raw)).toBe(field);
  });
});
