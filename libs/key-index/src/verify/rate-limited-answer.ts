import type { RateLimitState, VerifyAnswer } from '@keyward/contracts';
import type { RateLimitDecision } from '@keyward/rate-limit';

/** A limiter's decision as an answer shows it. */
export const stateOf = (decision: RateLimitDecision): RateLimitState => ({
  limit: decision.limit,
  remaining: decision.remaining,
  reset: new Date(decision.resetMs).toISOString(),
  ...(decision.degraded ? { degraded: true } : {}),
});

/**
 * A limited key's answer once its limit decided: the key's VALID answer with `ratelimit`, or
 * RATE_LIMITED naming the key and nothing more (like every other denial) with `ratelimit`.
 */
export const rateLimitedAnswer = (valid: VerifyAnswer, decision: RateLimitDecision): VerifyAnswer => {
  const ratelimit = stateOf(decision);
  return decision.granted ? { ...valid, ratelimit } : { valid: false, code: 'RATE_LIMITED', keyId: valid.keyId, ratelimit };
};
