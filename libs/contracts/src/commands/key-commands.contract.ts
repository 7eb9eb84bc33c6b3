import type { JsonObject } from '../json-value';
import type { Credits, NamedRateLimit, NamedRateLimitInput, RateLimit, ResourcePermissions, RevocationReason, Share } from '../events/key-events';
import type { KeyEnvironment } from '../verify.contract';
import type { SecretWithheld } from '../idempotency';
import type { CommandContext } from './command-context';

export interface CreateKeyRequest {
  readonly context: CommandContext;
  readonly name: string;
  readonly environment: KeyEnvironment;
  readonly expiresAt: string | null;
  readonly roles?: readonly string[];
  readonly permissions?: ResourcePermissions;
  readonly unrestricted?: boolean;
  readonly ratelimit?: RateLimit | null;
  readonly ipAllowlist?: readonly string[] | null;
  readonly credits?: Credits | null;
  readonly ratelimits?: readonly NamedRateLimitInput[];
  readonly meta?: JsonObject;
  /** An identity of the same workspace; unknown or deleted: refused as not found. */
  readonly identityId?: string;
}

export interface CreateKeyResult {
  readonly id: string;
  /** The secret: returned here once, never stored, never logged. */
  readonly key: string;
  readonly prefix: string;
  readonly name: string;
  readonly environment: KeyEnvironment;
  readonly createdAt: string;
  readonly expiresAt: string | null;
  readonly roles: readonly string[];
  readonly permissions: ResourcePermissions;
  readonly unrestricted: boolean;
  readonly ratelimit: RateLimit | null;
  readonly ipAllowlist: readonly string[];
  readonly credits: Credits | null;
  readonly ratelimits: readonly NamedRateLimit[];
  readonly meta: JsonObject;
  readonly identityId: string | null;
}

/** What a create answers: the secret the first time, `key: null` to a repeat of the same request. */
export type CreateKeyAnswer = CreateKeyResult | SecretWithheld<CreateKeyResult, 'key'>;

export interface RotateKeyRequest {
  readonly context: CommandContext;
  readonly keyId: string;
  readonly gracePeriodSeconds: number;
}

export interface RotateKeyResult {
  readonly id: string;
  readonly key: string;
  readonly prefix: string;
  readonly previousKeyExpiresAt: string;
}

export type RotateKeyAnswer = RotateKeyResult | SecretWithheld<RotateKeyResult, 'key'>;

export interface RevokeKeyRequest {
  readonly context: CommandContext;
  readonly keyId: string;
  /** Only for the gateway's own revocations (revoke-by-secret), never from a REST body. */
  readonly reason?: RevocationReason;
}

/**
 * A signed leak report named this key's secret (`POST /v1/leaks`); sent with actor `system` and the
 * report as causation. Unless the workspace's `revokeLeakedKeys` is false, the key is revoked too.
 */
export interface ReportKeyLeakRequest {
  readonly context: CommandContext;
  readonly keyId: string;
  /** Hex SHA-256 of the raw report body. */
  readonly reportId: string;
  readonly url?: string;
  readonly source?: string;
  /** The verifiers' `current` for the reported secret (FindKeyAnswer). */
  readonly secretCurrent: boolean;
}

/** What the report changed: nothing for a revoked or deleted key, or for a report seen before. */
export interface ReportKeyLeakResult {
  readonly id: string;
  readonly reported: boolean;
  readonly revoked: boolean;
}

export interface RevokeKeyResult {
  readonly id: string;
  readonly status: 'revoked';
  readonly revokedAt: string;
}

/**
 * `PATCH /v1/keys/:id`: each field named is set, each left out keeps its value. `null` clears an
 * expiry, a rate limit, an allowlist (as does an empty allowlist), credits or metadata. Credits named
 * set the balance anew, even when equal to the old (a new generation: earlier spends no longer count).
 */
export interface UpdateKeyRequest {
  readonly context: CommandContext;
  readonly keyId: string;
  readonly name?: string;
  readonly expiresAt?: string | null;
  readonly ratelimit?: RateLimit | null;
  readonly ipAllowlist?: readonly string[] | null;
  readonly credits?: Credits | null;
  readonly ratelimits?: readonly NamedRateLimitInput[];
  readonly meta?: JsonObject | null;
}

/** What an update leaves on the key. */
export interface UpdateKeyResult {
  readonly id: string;
  readonly name: string;
  readonly expiresAt: string | null;
  readonly ratelimit: RateLimit | null;
  readonly ipAllowlist: readonly string[];
  readonly credits: Credits | null;
  readonly ratelimits: readonly NamedRateLimit[];
  readonly meta: JsonObject;
}

/** `POST /v1/keys/:id/disable` and `…/enable`: reversible; again is a no-op answering the same. */
export interface SetKeyEnabledRequest {
  readonly context: CommandContext;
  readonly keyId: string;
  readonly enabled: boolean;
}

export interface SetKeyEnabledResult {
  readonly id: string;
  readonly enabled: boolean;
}

export interface DeleteKeyRequest {
  readonly context: CommandContext;
  readonly keyId: string;
}

export interface DeleteKeyResult {
  readonly id: string;
  readonly deletedAt: string;
}

/** Replaces the key's roles: the difference becomes RoleAssigned / RoleUnassigned events. */
export interface SetKeyRolesRequest {
  readonly context: CommandContext;
  readonly keyId: string;
  readonly roles: readonly string[];
}

/** Replaces the key's direct permissions; `unrestricted: true` (with none) gives full access. */
export interface SetKeyPermissionsRequest {
  readonly context: CommandContext;
  readonly keyId: string;
  readonly permissions: ResourcePermissions;
  readonly unrestricted?: boolean;
}

export type ShareResourceRequest = Share & { readonly context: CommandContext; readonly keyId: string };

export interface UnshareResourceRequest {
  readonly context: CommandContext;
  readonly keyId: string;
  readonly resource: string;
  readonly resourceId: string;
}

/** What an access change leaves on the key. */
export interface KeyAccessResult {
  readonly id: string;
  readonly roles: readonly string[];
  readonly permissions: ResourcePermissions;
  readonly unrestricted: boolean;
  readonly shares: readonly Share[];
}
