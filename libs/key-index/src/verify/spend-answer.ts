import type { NamedRateLimitState, RateLimitState, VerifyAnswer } from '@keyward/contracts';
import type { RateLimitDecision } from '@keyward/rate-limit';
import type { IndexedKey } from '../key-index/key-index';
import type { IndexedNamedLimit } from '../key-index/key-extras';
import type { CreditSpending } from './credit-spending';
import { resetOf, stateOf } from './rate-limited-answer';
import type { SpendRequest } from './spend-request';
import type { RateLimiting } from './answer-verify';
import { DENIED } from './denials';

/** A named limit a verify applies (the key's or its identity's), with what this call spends of it. */
interface Applied {
  readonly name: string;
  readonly limit: IndexedNamedLimit;
  readonly cost: number;
}

/** The limits a call is checked against, or the first name it gave that neither the key nor its identity has. */
type AppliedLimits = { readonly limits: readonly Applied[] } | { readonly missing: string };

/** Each key's (and identity's) autoApply limits, made once per list: the lists are replaced, never changed. */
const autoApplied = new WeakMap<readonly IndexedNamedLimit[], readonly Applied[]>();

/**
 * The limits a verify is checked against, as Unkey checks them: every autoApply limit of the key
 * (and its identity), cost 1 unless the call names it with another; then each other limit the call
 * names, with its cost. Naming limits never skips an autoApply one.
 */
const appliedLimits = (key: IndexedKey, spend: SpendRequest): AppliedLimits => {
  let auto = autoApplied.get(key.ratelimits);
  if (auto === undefined) autoApplied.set(key.ratelimits, (auto = key.ratelimits.filter((l) => l.autoApply).map((limit) => ({ name: limit.name, limit, cost: 1 }))));
  const named = spend.ratelimits;
  if (named === undefined || named.length === 0) return { limits: auto };
  const applied = auto.map((a) => ({ ...a, cost: named.find((n) => n.name === a.name)?.cost ?? a.cost }));
  for (const { name, cost } of named) {
    if (auto.some((a) => a.name === name)) continue;
    const limit = key.ratelimits.find((l) => l.name === name);
    if (limit === undefined) return { missing: name };
    applied.push({ name, limit, cost });
  }
  return { limits: applied };
};

/** `f` of the value, at once when it is there: most limiter and ledger answers are (leases, known counts). */
const then = <T, R>(value: T | Promise<T>, f: (value: T) => R | Promise<R>): R | Promise<R> => (value instanceof Promise ? value.then(f) : f(value));

const namedState = (name: string, d: RateLimitDecision): NamedRateLimitState =>
  d.degraded
    ? { name, limit: d.limit, remaining: d.remaining, reset: resetOf(d.resetMs), exceeded: !d.granted, degraded: true }
    : { name, limit: d.limit, remaining: d.remaining, reset: resetOf(d.resetMs), exceeded: !d.granted };

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

/** One would-be-VALID call's way through its limits and credits. */
class Spending {
  private ratelimit: RateLimitState | undefined;
  private readonly ratelimits: NamedRateLimitState[] = [];
  private readonly applied: AppliedLimits;

  constructor(
    private readonly valid: VerifyAnswer,
    private readonly key: IndexedKey,
    private readonly spend: SpendRequest,
    private readonly limiter: RateLimiting,
    private readonly credits: CreditSpending,
    private readonly now: number,
  ) {
    this.applied = appliedLimits(key, spend);
  }

  answer(): VerifyAnswer | Promise<VerifyAnswer> {
    const { key } = this;
    // A limit the key does not have allows nothing, whatever the others say: refused before any is spent.
    if ('missing' in this.applied) return limited(key, undefined, [unknownLimit(this.applied.missing, this.now)]);
    const limits = this.applied.limits;
    if (key.ratelimit === null) return this.named(limits, 0);
    return then(this.limiter.take(key.keyId, key.ratelimit, key.workspace.rateLimitWhenUnreachable, this.now), (decision) => {
      this.ratelimit = stateOf(decision);
      return decision.granted ? this.named(limits, 0) : limited(key, this.ratelimit, []);
    });
  }

  /** The named limits from the `from`-th on, in order; the first that refuses answers. A loop while the limiter answers at once. */
  private named(limits: readonly Applied[], from: number): VerifyAnswer | Promise<VerifyAnswer> {
    for (let i = from; i < limits.length; i++) {
      const { name, limit, cost } = limits[i];
      const decision = this.limiter.take(limit.counterId, limit, this.key.workspace.rateLimitWhenUnreachable, this.now, cost);
      if (decision instanceof Promise) return decision.then((d) => this.decided(limits, i, d));
      if (!this.granted(name, decision)) return limited(this.key, this.ratelimit, this.ratelimits);
    }
    return this.spendCredits();
  }

  private decided(limits: readonly Applied[], i: number, decision: RateLimitDecision): VerifyAnswer | Promise<VerifyAnswer> {
    return this.granted(limits[i].name, decision) ? this.named(limits, i + 1) : limited(this.key, this.ratelimit, this.ratelimits);
  }

  /** Lists the limit as checked; whether it let the call through. */
  private granted(name: string, decision: RateLimitDecision): boolean {
    this.ratelimits.push(namedState(name, decision));
    return decision.granted;
  }

  private spendCredits(): VerifyAnswer | Promise<VerifyAnswer> {
    const { key, ratelimit, ratelimits } = this;
    const checked = { ...this.valid, ...(ratelimit === undefined ? {} : { ratelimit }), ...(ratelimits.length === 0 ? {} : { ratelimits }) };
    if (key.credits === null) return checked;
    return then(this.credits.spend(key.credits.ownerId, key.credits.setting, this.spend.cost, this.now), (spent): VerifyAnswer => {
      switch (spent.outcome) {
        case 'granted':
          return { ...checked, credits: { remaining: spent.remaining } };
        case 'exceeded':
          return { valid: false, code: 'USAGE_EXCEEDED', keyId: key.keyId, credits: { remaining: spent.remaining } };
        default:
          return DENIED.UNAVAILABLE;
      }
    });
  }
}

/**
 * A would-be-VALID call of a key with named limits or credits (README "Verify"): the key's
 * `ratelimit`, then each named limit in order, then credits last. The first limit that refuses
 * answers RATE_LIMITED (tokens taken by the limits before it stay spent) and spends no credits; a
 * call refused by credits (USAGE_EXCEEDED) has spent its limits' tokens, as in Unkey. Synchronous
 * when every limit and the ledger answer at once.
 */
export const spendAnswer = (valid: VerifyAnswer, key: IndexedKey, spend: SpendRequest, limiter: RateLimiting, credits: CreditSpending, now: number): VerifyAnswer | Promise<VerifyAnswer> =>
  new Spending(valid, key, spend, limiter, credits, now).answer();
