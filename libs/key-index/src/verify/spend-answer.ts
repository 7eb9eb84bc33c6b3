import type { NamedRateLimitState, RateLimitState, VerifyAnswer } from '@keyward/contracts';
import type { IndexedKey } from '../key-index/key-index';
import type { IndexedNamedLimit } from '../key-index/key-extras';
import type { CreditSpending } from './credit-spending';
import { stateOf } from './rate-limited-answer';
import type { SpendRequest } from './spend-request';
import type { RateLimiting } from './answer-verify';
import { DENIED } from './denials';

/** A named limit a verify applies: the key's (or its identity's), or `undefined` for a name neither has. */
interface Applied {
  readonly name: string;
  readonly limit: IndexedNamedLimit | undefined;
  readonly cost: number;
}

/** The limits a verify is checked against: those it names, each with its cost; naming none, every autoApply one with cost 1. */
const appliedLimits = (key: IndexedKey, spend: SpendRequest): Applied[] =>
  spend.ratelimits === undefined
    ? key.ratelimits.filter((l) => l.autoApply).map((limit) => ({ name: limit.name, limit, cost: 1 }))
    : spend.ratelimits.map(({ name, cost }) => ({ name, limit: key.ratelimits.find((l) => l.name === name), cost }));

/** A name neither the key nor its identity has allows nothing. */
const unknownLimit = (name: string, now: number): NamedRateLimitState => ({ name, limit: 0, remaining: 0, reset: new Date(now).toISOString(), exceeded: true });

const limited = (key: IndexedKey, ratelimit: RateLimitState | undefined, ratelimits: readonly NamedRateLimitState[]): VerifyAnswer => ({
  valid: false,
  code: 'RATE_LIMITED',
  keyId: key.keyId,
  ...(ratelimit === undefined ? {} : { ratelimit }),
  // Refused by the key's own limit: as a key without named limits is, so a named limit's refusal is told apart by its list.
  ...(ratelimits.length === 0 ? {} : { ratelimits }),
});

/**
 * A would-be-VALID call of a key with named limits or credits (README "Verify"): the key's
 * `ratelimit`, then each named limit in order, then credits last. The first limit that refuses
 * answers RATE_LIMITED (tokens taken by the limits before it stay spent) and spends no credits; a
 * call refused by credits (USAGE_EXCEEDED) has spent its limits' tokens, as in Unkey.
 */
export const spendAnswer = async (valid: VerifyAnswer, key: IndexedKey, spend: SpendRequest, limiter: RateLimiting, credits: CreditSpending, now: number): Promise<VerifyAnswer> => {
  const whenUnreachable = key.workspace.rateLimitWhenUnreachable;
  let ratelimit: RateLimitState | undefined;
  if (key.ratelimit !== null) {
    const decision = await limiter.take(key.keyId, key.ratelimit, whenUnreachable, now);
    ratelimit = stateOf(decision);
    if (!decision.granted) return limited(key, ratelimit, []);
  }
  const ratelimits: NamedRateLimitState[] = [];
  for (const { name, limit, cost } of appliedLimits(key, spend)) {
    if (limit === undefined) return limited(key, ratelimit, [...ratelimits, unknownLimit(name, now)]);
    const decision = await limiter.take(limit.counterId, limit, whenUnreachable, now, cost);
    ratelimits.push({ name, ...stateOf(decision), exceeded: !decision.granted });
    if (!decision.granted) return limited(key, ratelimit, ratelimits);
  }
  const checked = { ...(ratelimit === undefined ? {} : { ratelimit }), ...(ratelimits.length === 0 ? {} : { ratelimits }) };
  if (key.credits === null) return { ...valid, ...checked };
  const spent = await credits.spend(key.credits.ownerId, key.credits.setting, spend.cost, now);
  switch (spent.outcome) {
    case 'granted':
      return { ...valid, ...checked, credits: { remaining: spent.remaining } };
    case 'exceeded':
      return { valid: false, code: 'USAGE_EXCEEDED', keyId: key.keyId, credits: { remaining: spent.remaining } };
    default:
      return DENIED.UNAVAILABLE;
  }
};
