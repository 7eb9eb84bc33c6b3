import type { RateLimitState, VerifyAnswer } from '@keyward/contracts';
import type { RateLimitDecision } from '@keyward/rate-limit';

/** Window ends repeat for a whole window: each is formatted once. Past this many the cache starts over. */
const MAX_RESETS = 256;
const resets = new Map<number, string>();

/** The ISO time a window ends, as answers show it. */
export const resetOf = (resetMs: number): string => {
  let reset = resets.get(resetMs);
  if (reset === undefined) {
    if (resets.size >= MAX_RESETS) resets.clear();
    resets.set(resetMs, (reset = new Date(resetMs).toISOString()));
  }
  return reset;
};

/** A limiter's decision as an answer shows it. */
export const stateOf = (decision: RateLimitDecision): RateLimitState =>
  decision.degraded
    ? { limit: decision.limit, remaining: decision.remaining, reset: resetOf(decision.resetMs), degraded: true }
    : { limit: decision.limit, remaining: decision.remaining, reset: resetOf(decision.resetMs) };

/**
 * A limited key's answer once its limit decided: the key's VALID answer with `ratelimit`, or
 * RATE_LIMITED naming the key and nothing more (like every other denial) with `ratelimit`.
 */
export const rateLimitedAnswer = (valid: VerifyAnswer, decision: RateLimitDecision): VerifyAnswer => {
  const ratelimit = stateOf(decision);
  return decision.granted ? { ...valid, ratelimit } : { valid: false, code: 'RATE_LIMITED', keyId: valid.keyId, ratelimit };
};
