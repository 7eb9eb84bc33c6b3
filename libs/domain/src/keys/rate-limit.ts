import type { RateLimit } from '@keyward/contracts';
import { validationError } from '../domain.error';
import { wholeIn } from '../limits/whole-number';

/** product.md section 9.2: limit 1 to 1,000,000; window 1 s to 1 day. */
export const MIN_RATE_LIMIT = 1;
export const MAX_RATE_LIMIT = 1_000_000;
export const MIN_RATE_LIMIT_WINDOW_SECONDS = 1;
export const MAX_RATE_LIMIT_WINDOW_SECONDS = 86_400;

export const isLimit = (value: unknown): value is number => wholeIn(value, MIN_RATE_LIMIT, MAX_RATE_LIMIT);
export const isWindow = (value: unknown): value is number => wholeIn(value, MIN_RATE_LIMIT_WINDOW_SECONDS, MAX_RATE_LIMIT_WINDOW_SECONDS);

/** Whether `value` is a rate limit in range (where event data is read back). */
export const isRateLimit = (value: unknown): value is RateLimit =>
  typeof value === 'object' && value !== null && isLimit((value as Record<string, unknown>).limit) && isWindow((value as Record<string, unknown>).windowSeconds);

/** Untrusted input as a rate limit: an object of two whole numbers in range, copied so the event shares nothing with the caller. */
export const validRateLimit = (raw: unknown, field = 'ratelimit'): RateLimit => {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw validationError(field, `${field} must be an object { limit, windowSeconds }`);
  const { limit, windowSeconds } = raw as Record<string, unknown>;
  if (!isLimit(limit)) throw validationError(`${field}.limit`, `limit must be an integer from ${MIN_RATE_LIMIT} to ${MAX_RATE_LIMIT}`);
  if (!isWindow(windowSeconds)) {
    throw validationError(`${field}.windowSeconds`, `windowSeconds must be an integer from ${MIN_RATE_LIMIT_WINDOW_SECONDS} to ${MAX_RATE_LIMIT_WINDOW_SECONDS}`);
  }
  return { limit, windowSeconds };
};

export const sameRateLimit = (a: RateLimit | null, b: RateLimit | null): boolean =>
  a === null || b === null ? a === b : a.limit === b.limit && a.windowSeconds === b.windowSeconds;
