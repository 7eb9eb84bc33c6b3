import type { JsonObject } from './json-value';

/** `keyward.v1.verify`, product.md section 4. Plain JSON, no framework envelope. */
export const VerifyCodes = [
  'VALID',
  'MALFORMED',
  'NOT_FOUND',
  'EXPIRED',
  'REVOKED',
  'INSUFFICIENT_PERMISSIONS',
  'RATE_LIMITED',
  'PLAN_UPGRADE_REQUIRED',
  'FORBIDDEN',
  'USAGE_EXCEEDED',
  'DISABLED',
  'UNAVAILABLE',
] as const;

export type VerifyCode = (typeof VerifyCodes)[number];

/** A verifier answers MALFORMED to a `require` naming more permissions than this, listed or in a query. */
export const MAX_REQUIRED_PERMISSIONS = 32;

/** A `require` query (product.md 9.2a) longer than this many characters, or nested deeper than this, is MALFORMED. */
export const MAX_PERMISSION_QUERY_LENGTH = 1_000;
export const MAX_PERMISSION_QUERY_DEPTH = 8;

/** The most a verify may spend (credits or a named limit's tokens); above it, or not an integer: MALFORMED. */
export const MAX_VERIFY_COST = 1_000_000_000;

/** Named limits per key, per identity, and per verify request. */
export const MAX_NAMED_RATE_LIMITS = 10;

/** A named limit a verify applies, and what one call spends of it (default 1; 0 only checks). */
export interface NamedRateLimitRequest {
  readonly name: string;
  readonly cost?: number;
}

export interface VerifyRequest {
  readonly key: string;
  /**
   * A permission query: one permission (`"calls:read"`), a list that must all be held
   * (`["contacts:write", "workflows/wf_42:read"]`; permissions only, never queries), or one string
   * with `AND`, `OR` and parentheses (`"(contacts:read OR contacts:write) AND calls:read"`).
   */
  readonly require?: string | readonly string[];
  /** The end client's address, for keys with an IP allowlist. */
  readonly ip?: string;
  /** Credits a VALID answer spends (default 1, 0 only checks); for a key without credits, nothing. */
  readonly cost?: number;
  /**
   * Named limits this call is checked against besides the key's (and its identity's) autoApply ones,
   * which always apply (cost 1 unless named here with another), as Unkey does; each with its cost.
   * A name neither the key nor its identity has allows nothing (its entry has limit 0).
   */
  readonly ratelimits?: readonly NamedRateLimitRequest[];
}

/**
 * `keyward.v1.verify-key-id`: the key's state now, as `verify` would answer its current secret,
 * spending neither credits nor named limits (a gateway session is not a call its credits pay for).
 * Never on the public bus: whoever may send it can act as any key whose id it knows.
 */
export interface VerifyKeyIdRequest {
  readonly keyId: string;
  readonly require?: string | readonly string[];
  readonly ip?: string;
}

/** `keyward.v1.find-key`: which key a secret belongs to, whatever the key's state. */
export interface FindKeyRequest {
  readonly key: string;
}

/**
 * `FOUND` for any secret the index holds (revoked and rotated-away ones included); never the key's
 * details. `current` is false for a rotated-away secret past its grace period: it opens nothing, so
 * reporting it must not revoke the key that replaced it.
 */
export type FindKeyAnswer =
  | { readonly code: 'FOUND'; readonly keyId: string; readonly workspaceId: string; readonly current: boolean }
  | { readonly code: Extract<VerifyCode, 'MALFORMED' | 'NOT_FOUND' | 'UNAVAILABLE'> };

/** On VALID and RATE_LIMITED answers of a key with a rate limit (product.md 9.2). */
export interface RateLimitState {
  readonly limit: number;
  /** VALID answers left in the window after this one; never more than truly left. */
  readonly remaining: number;
  /** ISO 8601 time the window ends and frees capacity. */
  readonly reset: string;
  /** Present (true) when the shared count could not be reached and `rateLimitWhenUnreachable` decided. */
  readonly degraded?: true;
}

/** One named limit a verify was checked against, in the answer's `ratelimits`. */
export interface NamedRateLimitState {
  readonly name: string;
  readonly limit: number;
  /** What is left in the window after this call; never more than truly left. */
  readonly remaining: number;
  /** ISO 8601 time the window ends. */
  readonly reset: string;
  /** This limit refused the call (the answer is RATE_LIMITED). */
  readonly exceeded: boolean;
  readonly degraded?: true;
}

/** On VALID and USAGE_EXCEEDED answers of a key with credits (its own, or its identity's). */
export interface CreditsState {
  /** Credits left after this call; exact across every verifier. */
  readonly remaining: number;
}

/** The identity a key belongs to, as verify answers carry it. */
export interface VerifyIdentity {
  readonly id: string;
  readonly externalId: string;
  readonly meta: JsonObject;
}

export interface VerifyAnswer {
  readonly valid: boolean;
  readonly code: VerifyCode;
  readonly keyId?: string;
  readonly workspaceId?: string;
  readonly name?: string;
  readonly environment?: KeyEnvironment;
  readonly expiresAt?: string | null;
  readonly roles?: readonly string[];
  readonly permissions?: readonly string[];
  readonly ratelimit?: RateLimitState;
  /** Each named limit checked, in the order they were applied; on VALID and RATE_LIMITED answers. */
  readonly ratelimits?: readonly NamedRateLimitState[];
  readonly credits?: CreditsState;
  /** The key's metadata, when it has any; on VALID and INSUFFICIENT_PERMISSIONS answers, as the roles. */
  readonly meta?: JsonObject;
  readonly identity?: VerifyIdentity;
}

export type KeyEnvironment = 'live' | 'test';
export const KeyEnvironments: readonly KeyEnvironment[] = ['live', 'test'];
