import { HttpException } from '@nestjs/common';
import type { RateLimitState, VerifyAnswer, VerifyCode } from '@keyward/contracts';

/** Why a guarded route refused: a verify code, or `UNAUTHENTICATED` when no (single) key was sent. */
export type DenialCode = Exclude<VerifyCode, 'VALID'> | 'UNAUTHENTICATED';

/** The error body, the same shape as the gateway's. */
export interface DenialBody {
  readonly statusCode: number;
  readonly code: DenialCode;
  readonly message: string;
}

/**
 * The HTTP answer to each refusal. Key problems are 401 with the verifier's code (the caller holds
 * the key, so telling it apart costs nothing); a good key that may not do this is 403; the
 * workspace's plan is 402; over the limit is 429; no verifier (or one not caught up) is 503.
 * A disabled key is a key problem like a revoked one (401, telling it apart so its holder knows it
 * may come back). Out of credits is 429 as Unkey answers it: the call may succeed after a refill or
 * a top-up, and 402 already means the workspace's plan.
 */
export const DENIALS: Readonly<Record<DenialCode, { readonly status: number; readonly message: string }>> = {
  UNAUTHENTICATED: { status: 401, message: 'send an API key as "Authorization: Bearer <key>", "X-API-Key: <key>" or "?api_key=<key>"' },
  MALFORMED: { status: 401, message: 'the API key is not a Keyward key' },
  NOT_FOUND: { status: 401, message: 'the API key is not known' },
  EXPIRED: { status: 401, message: 'the API key has expired' },
  REVOKED: { status: 401, message: 'the API key has been revoked' },
  DISABLED: { status: 401, message: 'the API key is disabled' },
  INSUFFICIENT_PERMISSIONS: { status: 403, message: 'the API key lacks a permission this route requires' },
  FORBIDDEN: { status: 403, message: 'the API key may not be used from this address' },
  PLAN_UPGRADE_REQUIRED: { status: 402, message: "the workspace's plan does not include API access" },
  RATE_LIMITED: { status: 429, message: 'the API key is over its rate limit; retry later' },
  USAGE_EXCEEDED: { status: 429, message: 'the API key has too few credits left for this request' },
  UNAVAILABLE: { status: 503, message: 'key verification is unavailable; try again shortly' },
};

/** A refusal, as NestJS sends it: the body is `{ statusCode, code, message }`. */
export class KeyDeniedException extends HttpException {
  constructor(code: DenialCode, message: string = DENIALS[code].message) {
    const body: DenialBody = { statusCode: DENIALS[code].status, code, message };
    super(body, body.statusCode);
  }

  get body(): DenialBody {
    return this.getResponse() as DenialBody;
  }
}

/**
 * Whole seconds until every window that refused the call frees capacity (`Retry-After`): the named
 * limits marked `exceeded`, or else the key's own `ratelimit`. `undefined` without a reset time, and
 * for a limit the key does not have (limit 0): no wait lets that call through.
 */
export const retryAfterSeconds = (answer: Pick<VerifyAnswer, 'ratelimit' | 'ratelimits'>, now: number): number | undefined => {
  const exceeded = answer.ratelimits?.filter((r) => r.exceeded) ?? [];
  const refusing: readonly RateLimitState[] = exceeded.length > 0 ? exceeded.filter((r) => r.limit > 0) : answer.ratelimit ? [answer.ratelimit] : [];
  const resets = refusing.map((r) => (typeof r.reset === 'string' ? Date.parse(r.reset) : Number.NaN)).filter(Number.isFinite);
  if (resets.length === 0) return undefined;
  return Math.max(0, Math.ceil((Math.max(...resets) - now) / 1_000));
};
