import { ErrorCodes } from '@keyward/contracts';
import { DomainError } from '../domain.error';
import { sameRateLimit, validRateLimit } from './rate-limit';

const fieldOf = (raw: unknown): string | undefined => {
  try {
    validRateLimit(raw);
  } catch (error) {
    if (error instanceof DomainError && error.code === ErrorCodes.validationFailed) return error.field;
    throw error;
  }
  return undefined;
};

describe('validRateLimit', () => {
  it.each([
    [{ limit: 1, windowSeconds: 1 }],
    [{ limit: 1_000_000, windowSeconds: 86_400 }],
  ])('takes the edges %j, copied', (raw) => {
    const limit = validRateLimit(raw);
    expect(limit).toEqual(raw);
    expect(limit).not.toBe(raw);
  });

  it.each<[unknown, string]>([
    [null, 'ratelimit'],
    [[1, 1], 'ratelimit'],
    [50, 'ratelimit'],
    [{ windowSeconds: 1 }, 'ratelimit.limit'],
    [{ limit: 0, windowSeconds: 1 }, 'ratelimit.limit'],
    [{ limit: 1_000_001, windowSeconds: 1 }, 'ratelimit.limit'],
    [{ limit: 1.5, windowSeconds: 1 }, 'ratelimit.limit'],
    [{ limit: '5', windowSeconds: 1 }, 'ratelimit.limit'],
    [{ limit: 5 }, 'ratelimit.windowSeconds'],
    [{ limit: 5, windowSeconds: 0 }, 'ratelimit.windowSeconds'],
    [{ limit: 5, windowSeconds: 86_401 }, 'ratelimit.windowSeconds'],
    [{ limit: 5, windowSeconds: Number.NaN }, 'ratelimit.windowSeconds'],
  ])('refuses %j, naming %s', (raw, field) => {
    expect(fieldOf(raw)).toBe(field);
  });

  it('compares by value, null only with null', () => {
    expect(sameRateLimit({ limit: 1, windowSeconds: 2 }, { limit: 1, windowSeconds: 2 })).toBe(true);
    expect(sameRateLimit({ limit: 1, windowSeconds: 2 }, { limit: 1, windowSeconds: 3 })).toBe(false);
    expect(sameRateLimit(null, { limit: 1, windowSeconds: 2 })).toBe(false);
    expect(sameRateLimit(null, null)).toBe(true);
  });
});
