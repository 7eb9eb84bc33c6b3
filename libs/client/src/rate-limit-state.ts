import type { CreditsState, NamedRateLimitState, RateLimitState } from '@keyward/contracts';

const isCount = (value: unknown): value is number => Number.isSafeInteger(value) && (value as number) >= 0;

/** A verifier's `ratelimit` as the contract describes it: counts, an ISO reset time, `degraded` only as `true`. */
export const isRateLimitState = (value: unknown): value is RateLimitState => {
  if (typeof value !== 'object' || value === null) return false;
  const { limit, remaining, reset, degraded } = value as Record<string, unknown>;
  return isCount(limit) && isCount(remaining) && typeof reset === 'string' && Number.isFinite(Date.parse(reset)) && (degraded === undefined || degraded === true);
};

/** One entry of a verifier's `ratelimits`: a named limit's state, `exceeded` said either way. */
export const isNamedRateLimitState = (value: unknown): value is NamedRateLimitState =>
  isRateLimitState(value) && typeof (value as { name?: unknown }).name === 'string' && typeof (value as { exceeded?: unknown }).exceeded === 'boolean';

/** A verifier's `credits`: what is left, a count. */
export const isCreditsState = (value: unknown): value is CreditsState =>
  typeof value === 'object' && value !== null && isCount((value as { remaining?: unknown }).remaining);
