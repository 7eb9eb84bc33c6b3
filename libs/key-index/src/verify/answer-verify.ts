import type { VerifyAnswer, VerifyCode } from '@keyward/contracts';
import type { GlobalRateLimiter, RateLimitDecision } from '@keyward/rate-limit';
import { decideVerify, isKeySecret, keySecretDigest, type PermissionQuery } from '@keyward/domain';
import type { IndexedKey, KeyIndex } from '../key-index/key-index';
import type { DescribedAnswers } from './described-answers';
import type { CreditSpending } from './credit-spending';
import { DENIED } from './denials';
import { PermissionQueryCache } from './permission-query.cache';
import { rateLimitedAnswer } from './rate-limited-answer';
import { spendAnswer } from './spend-answer';
import { parseSpendRequest, type SpendRequest } from './spend-request';

/** The global rate limiter, as the answer path uses it (`GlobalRateLimiter` in the verifier). */
export type RateLimiting = Pick<GlobalRateLimiter, 'take'>;

export interface VerifyContext {
  readonly index: KeyIndex;
  readonly pepper: Buffer;
  readonly serving: (now: number) => boolean;
  /** Kept for as long as the index: the answers that describe a key, made once per key and change. */
  readonly described: DescribedAnswers;
  readonly limiter: RateLimiting;
  readonly credits: CreditSpending;
}

/** One per process: a memo of a pure function, whichever index asks. */
const queries = new PermissionQueryCache();

const deny = (code: VerifyCode, key: IndexedKey): VerifyAnswer => ({ valid: false, code, keyId: key.keyId });

/**
 * Answers one `keyward.v1.verify` request (product.md section 4) from the index alone, and every
 * answer derives from the raw bytes, so a bad message can never throw out of here. Only a key with
 * a rate limit, named limits or credits may wait (on a shared count); every other answer is
 * synchronous, as before.
 */
export const answerVerify = (raw: Uint8Array, context: VerifyContext, now: number): VerifyAnswer | Promise<VerifyAnswer> => {
  const request = parsed(raw);
  if (!request) return DENIED.MALFORMED;
  const { key: secret, require, ip, cost, ratelimits } = request as { key?: unknown; require?: unknown; ip?: unknown; cost?: unknown; ratelimits?: unknown };
  const required = queries.parse(require);
  const spend = parseSpendRequest(cost, ratelimits);
  if (!isKeySecret(secret) || !required || !spend) return DENIED.MALFORMED;
  if (!context.serving(now)) return DENIED.UNAVAILABLE;

  const digest = keySecretDigest(context.pepper, secret);
  const found = context.index.lookup(digest);
  if (!found) return DENIED.NOT_FOUND;

  return answerFor(found.key, found.validUntilMs, required, ip, spend, context, now);
};

/** Key ids are short and printable; anything else is not worth a map lookup. */
const KEY_ID = /^[\x21-\x7e]{1,128}$/;

/**
 * Answers one `keyward.v1.verify-key-id` request: as `answerVerify` would for the key's current
 * secret (a secret in its rotation grace is a secret's matter, not the key's), but spending no
 * credits and no named limit: a gateway session is not a call its credits are sold for. Like it, never throws.
 */
export const answerVerifyKeyId = (raw: Uint8Array, context: VerifyContext, now: number): VerifyAnswer | Promise<VerifyAnswer> => {
  const request = parsed(raw);
  if (!request) return DENIED.MALFORMED;
  const { keyId, require, ip } = request as { keyId?: unknown; require?: unknown; ip?: unknown };
  const required = queries.parse(require);
  if (typeof keyId !== 'string' || !KEY_ID.test(keyId) || !required) return DENIED.MALFORMED;
  if (!context.serving(now)) return DENIED.UNAVAILABLE;
  const key = context.index.byId(keyId);
  return key ? answerFor(key, Infinity, required, ip, undefined, context, now) : DENIED.NOT_FOUND;
};

/** The request object, or undefined for anything that is not JSON of an object. */
export const parsed = (raw: Uint8Array): object | undefined => {
  try {
    const request: unknown = JSON.parse(Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength).toString('utf8'));
    return typeof request === 'object' && request !== null ? request : undefined;
  } catch {
    return undefined;
  }
};

/** Whether a VALID call spends more than the key's `ratelimit`: credits, or named limits (its own, its identity's, or named by the call). */
const spendsMore = (key: IndexedKey, spend: SpendRequest): boolean => key.credits !== null || key.ratelimits.length > 0 || (spend.ratelimits?.length ?? 0) > 0;

/** The answer for a known key, whichever way it was named; `spend` undefined: spends no credits and no named limit. */
const answerFor = (
  key: IndexedKey,
  validUntilMs: number,
  required: PermissionQuery,
  ip: unknown,
  spend: SpendRequest | undefined,
  context: VerifyContext,
  now: number,
): VerifyAnswer | Promise<VerifyAnswer> => {
  // The order of the checks is the domain's (decideVerify), shared with time travel.
  const decision = decideVerify(key, validUntilMs, required, ip, now);
  if (decision === 'INSUFFICIENT_PERMISSIONS') return context.described.of(key, decision);
  if (decision !== 'VALID') return deny(decision, key);
  const valid = context.described.of(key, 'VALID');
  if (spend !== undefined && spendsMore(key, spend)) return spendAnswer(valid, key, spend, context.limiter, context.credits, now);
  if (key.ratelimit === null) return valid;
  // Last of all: only a call that would be VALID spends from the window (README "Rate limits").
  const limit = context.limiter.take(key.keyId, key.ratelimit, key.workspace.rateLimitWhenUnreachable, now);
  return limit instanceof Promise ? limit.then((d: RateLimitDecision) => rateLimitedAnswer(valid, d)) : rateLimitedAnswer(valid, limit);
};
