import type { VerifyAnswer, VerifyCode } from '@keyward/contracts';
import type { GlobalRateLimiter, RateLimitDecision } from '@keyward/rate-limit';
import { decideVerify, keySecretDigest, parseKeySecret, type PermissionQuery } from '@keyward/domain';
import type { IndexedKey, KeyIndex } from '../key-index/key-index';
import type { DescribedAnswers } from './described-answers';
import { PermissionQueryCache } from './permission-query.cache';
import { rateLimitedAnswer } from './rate-limited-answer';
import { encodedOnce } from './verify-answer.encoding';

/** The global rate limiter, as the answer path uses it (`GlobalRateLimiter` in the verifier). */
export type RateLimiting = Pick<GlobalRateLimiter, 'take'>;

export interface VerifyContext {
  readonly index: KeyIndex;
  readonly pepper: Buffer;
  readonly serving: (now: number) => boolean;
  /** Kept for as long as the index: the answers that describe a key, made once per key and change. */
  readonly described: DescribedAnswers;
  readonly limiter: RateLimiting;
}

/** The denials that name no key are the same every time. */
const DENIED = {
  MALFORMED: encodedOnce({ valid: false, code: 'MALFORMED' }),
  UNAVAILABLE: encodedOnce({ valid: false, code: 'UNAVAILABLE' }),
  NOT_FOUND: encodedOnce({ valid: false, code: 'NOT_FOUND' }),
} as const satisfies Partial<Record<VerifyCode, VerifyAnswer>>;

/** One per process: a memo of a pure function, whichever index asks. */
const queries = new PermissionQueryCache();

const deny = (code: VerifyCode, key: IndexedKey): VerifyAnswer => ({ valid: false, code, keyId: key.keyId });

/**
 * Answers one `keyward.v1.verify` request (product.md section 4) from the index alone, and every
 * answer derives from the raw bytes, so a bad message can never throw out of here. Only a key with
 * a rate limit may wait (on the shared count); every other answer is synchronous, as before.
 */
export const answerVerify = (raw: Uint8Array, context: VerifyContext, now: number): VerifyAnswer | Promise<VerifyAnswer> => {
  const request = parsed(raw);
  if (!request) return DENIED.MALFORMED;
  const { key: secret, require, ip } = request as { key?: unknown; require?: unknown; ip?: unknown };
  const required = queries.parse(require);
  if (typeof secret !== 'string' || !required || !parseKeySecret(secret).ok) return DENIED.MALFORMED;
  if (!context.serving(now)) return DENIED.UNAVAILABLE;

  const digest = keySecretDigest(context.pepper, secret);
  const found = context.index.lookup(digest);
  if (!found) return DENIED.NOT_FOUND;

  return answerFor(found.key, found.validUntilMs, required, ip, context, now);
};

/** Key ids are short and printable; anything else is not worth a map lookup. */
const KEY_ID = /^[\x21-\x7e]{1,128}$/;

/**
 * Answers one `keyward.v1.verify-key-id` request: as `answerVerify` would for the key's current
 * secret (a secret in its rotation grace is a secret's matter, not the key's). Like it, never throws.
 */
export const answerVerifyKeyId = (raw: Uint8Array, context: VerifyContext, now: number): VerifyAnswer | Promise<VerifyAnswer> => {
  const request = parsed(raw);
  if (!request) return DENIED.MALFORMED;
  const { keyId, require, ip } = request as { keyId?: unknown; require?: unknown; ip?: unknown };
  const required = queries.parse(require);
  if (typeof keyId !== 'string' || !KEY_ID.test(keyId) || !required) return DENIED.MALFORMED;
  if (!context.serving(now)) return DENIED.UNAVAILABLE;
  const key = context.index.byId(keyId);
  return key ? answerFor(key, Infinity, required, ip, context, now) : DENIED.NOT_FOUND;
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

/** The answer for a known key, whichever way it was named. */
const answerFor = (key: IndexedKey, validUntilMs: number, required: PermissionQuery, ip: unknown, context: VerifyContext, now: number): VerifyAnswer | Promise<VerifyAnswer> => {
  // The order of the checks is the domain's (decideVerify), shared with time travel.
  const decision = decideVerify(key, validUntilMs, required, ip, now);
  if (decision === 'INSUFFICIENT_PERMISSIONS') return context.described.of(key, decision);
  if (decision !== 'VALID') return deny(decision, key);
  const valid = context.described.of(key, 'VALID');
  if (key.ratelimit === null) return valid;
  // Last of all: only a call that would be VALID spends from the window (README "Rate limits").
  const limit = context.limiter.take(key.keyId, key.ratelimit, key.workspace.rateLimitWhenUnreachable, now);
  return limit instanceof Promise ? limit.then((d: RateLimitDecision) => rateLimitedAnswer(valid, d)) : rateLimitedAnswer(valid, limit);
};
