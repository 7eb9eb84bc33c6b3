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
  'UNAVAILABLE',
] as const;

export type VerifyCode = (typeof VerifyCodes)[number];

/** A verifier answers MALFORMED to a `require` list longer than this. */
export const MAX_REQUIRED_PERMISSIONS = 32;

export interface VerifyRequest {
  readonly key: string;
  /** Every listed permission must be held, e.g. `"calls:read"` or `["contacts:write", "workflows/wf_42:read"]`. */
  readonly require?: string | readonly string[];
  /** The end client's address, for keys with an IP allowlist. */
  readonly ip?: string;
}

/**
 * `keyward.v1.verify-key-id`: the key's state now, as `verify` would answer its current secret.
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
}

export type KeyEnvironment = 'live' | 'test';
export const KeyEnvironments: readonly KeyEnvironment[] = ['live', 'test'];
