import type { JsonObject } from '../json-value';
import type { KeyEnvironment } from '../verify.contract';
import type { DomainEvent } from './domain-event';

/** Per-resource access of a restricted key (product.md section 2). */
export type AccessLevel = 'none' | 'read' | 'write';
export type ResourcePermissions = Readonly<Record<string, AccessLevel>>;

/** What is kept of a secret: its keyed hash and what an admin may see of it. Never the secret. */
export interface StoredSecret {
  /** HMAC-SHA256(pepper, secret), lowercase hex. */
  readonly secretHash: string;
  /** The first 12 characters, e.g. `kw_live_a1b2`. */
  readonly prefix: string;
  readonly lastFour: string;
}

/** At most `limit` VALID answers per `windowSeconds` for one key, across every verifier (product.md section 9.2). */
export interface RateLimit {
  readonly limit: number;
  readonly windowSeconds: number;
}

/** When a balance is set back to its refill amount: each UTC midnight, or each first of the month at 00:00 UTC. */
export const CreditRefillIntervals = ['daily', 'monthly'] as const;
export type CreditRefillInterval = (typeof CreditRefillIntervals)[number];

export interface CreditRefill {
  readonly interval: CreditRefillInterval;
  /** The balance each refill sets (it does not add to what is left, as Unkey does). */
  readonly amount: number;
}

/**
 * Usage credits of a key or an identity (product.md 9.2a): each VALID verify spends its `cost`.
 * `remaining` is the balance as set; what verifies spent since lives outside the history (README "Credits").
 */
export interface Credits {
  readonly remaining: number;
  readonly refill?: CreditRefill;
}

/**
 * Which setting of the balance a spend counts against: 1 for the first, one more at each change.
 * Every replica derives the same number from the history, so a shared spend count names it.
 */
export type CreditsGeneration = number;

/** A named limit (product.md 9.2a), checked through the same global limiter as `ratelimit`. */
export interface NamedRateLimit {
  /** `^[A-Za-z0-9_-]{1,64}$`, unique within its key or identity. */
  readonly name: string;
  readonly limit: number;
  readonly windowSeconds: number;
  /** Applied to every verify that names no limits; false: only when a verify names it. */
  readonly autoApply: boolean;
}

/** A named limit as a request sets it: `autoApply` may be left out (then true). */
export type NamedRateLimitInput = Omit<NamedRateLimit, 'autoApply'> & { readonly autoApply?: boolean };

export interface KeyCreatedData extends StoredSecret {
  readonly keyId: string;
  /** Also in the metadata; here because a key belongs to its workspace for life. */
  readonly workspaceId: string;
  readonly name: string;
  readonly environment: KeyEnvironment;
  readonly createdAt: string;
  readonly expiresAt: string | null;
  readonly roles: readonly string[];
  readonly permissions: ResourcePermissions;
  readonly unrestricted: boolean;
  /** Written only when set: events from before rate limits and allowlists, and keys without them, leave both out. */
  readonly ratelimit?: RateLimit;
  /** Normalised addresses and CIDR ranges (product.md section 9.2); absent or empty: any address. */
  readonly ipAllowlist?: readonly string[];
  /** Generation 1 of the key's credits; absent: no credits of its own (unlimited, or its identity's). */
  readonly credits?: Credits;
  /** Absent or empty: none. */
  readonly ratelimits?: readonly NamedRateLimit[];
  /** Absent: `{}`. Never a place for secrets (product.md 9.2a). */
  readonly meta?: JsonObject;
  /** The identity whose limits, credits and metadata the key shares; fixed for the key's life. */
  readonly identityId?: string;
}

export interface KeyRotatedData extends StoredSecret {
  readonly keyId: string;
  readonly rotatedAt: string;
  /** When the secret being replaced stops verifying; never later than the key's own expiry. */
  readonly previousKeyExpiresAt: string;
}

/** Why a key was revoked when no admin asked: a signed leak report, or the secret's holder (product.md 9.5). */
export type RevocationReason = 'leak-reported' | 'leaked-by-holder';
export const RevocationReasons: readonly RevocationReason[] = ['leak-reported', 'leaked-by-holder'];

export interface KeyRevokedData {
  readonly keyId: string;
  readonly revokedAt: string;
  /** Absent when an admin revoked the key. */
  readonly reason?: RevocationReason;
}

/**
 * A secret scanner reported the key's secret as found in public (product.md 9.5). Never the token,
 * nor its hash: `reportId` is the hex SHA-256 of the raw report body, so a replayed report is known.
 */
export interface KeyLeakReportedData {
  readonly keyId: string;
  readonly workspaceId: string;
  readonly reportId: string;
  /** Where the scanner found it, as the report says. */
  readonly url?: string;
  /** What the scanner looked at (e.g. `content`, `commit`), as the report says. */
  readonly source?: string;
  readonly reportedAt: string;
}

/** Revoked for good and gone from the key table; the history keeps it. */
export interface KeyDeletedData {
  readonly keyId: string;
  readonly deletedAt: string;
}

export interface RoleAssignedData {
  readonly keyId: string;
  readonly roleId: string;
}

export interface RoleUnassignedData {
  readonly keyId: string;
  readonly roleId: string;
}

/** The key's whole new direct permissions; `unrestricted` true means full access, like an admin key. */
export interface KeyPermissionsChangedData {
  readonly keyId: string;
  readonly permissions: ResourcePermissions;
  readonly unrestricted: boolean;
}

/** One resource instance a key may see (product.md section 2), e.g. `workflows/wf_42` for `read`. */
export interface Share {
  readonly resource: string;
  readonly resourceId: string;
  readonly access: 'read' | 'write';
}

export type ResourceSharedData = Share & { readonly keyId: string };

export interface ResourceUnsharedData {
  readonly keyId: string;
  readonly resource: string;
  readonly resourceId: string;
}

export interface KeyRenamedData {
  readonly keyId: string;
  readonly name: string;
}

/** `null`: the key no longer expires. */
export interface KeyExpiryChangedData {
  readonly keyId: string;
  readonly expiresAt: string | null;
}

/** `null`: the key has no rate limit any more. */
export interface KeyRateLimitChangedData {
  readonly keyId: string;
  readonly ratelimit: RateLimit | null;
}

/** The whole new list; empty: any address. */
export interface KeyIpAllowlistChangedData {
  readonly keyId: string;
  readonly ipAllowlist: readonly string[];
}

/** The balance set anew (`null`: no credits of its own any more); spends of earlier generations no longer count. */
export interface KeyCreditsChangedData {
  readonly keyId: string;
  readonly credits: Credits | null;
  readonly generation: CreditsGeneration;
  readonly changedAt: string;
}

/** The whole new list of named limits; empty: none. */
export interface KeyNamedRateLimitsChangedData {
  readonly keyId: string;
  readonly ratelimits: readonly NamedRateLimit[];
}

/** The whole new metadata; `{}`: none. */
export interface KeyMetaChangedData {
  readonly keyId: string;
  readonly meta: JsonObject;
}

/** Reversibly off: the key answers DISABLED until `KeyEnabled`. */
export interface KeyDisabledData {
  readonly keyId: string;
  readonly disabledAt: string;
}

export interface KeyEnabledData {
  readonly keyId: string;
  readonly enabledAt: string;
}

export type KeyCreated = DomainEvent<'KeyCreated', KeyCreatedData>;
export type KeyRotated = DomainEvent<'KeyRotated', KeyRotatedData>;
export type KeyRevoked = DomainEvent<'KeyRevoked', KeyRevokedData>;
export type KeyDeleted = DomainEvent<'KeyDeleted', KeyDeletedData>;
export type RoleAssigned = DomainEvent<'RoleAssigned', RoleAssignedData>;
export type RoleUnassigned = DomainEvent<'RoleUnassigned', RoleUnassignedData>;
export type KeyPermissionsChanged = DomainEvent<'KeyPermissionsChanged', KeyPermissionsChangedData>;
export type ResourceShared = DomainEvent<'ResourceShared', ResourceSharedData>;
export type ResourceUnshared = DomainEvent<'ResourceUnshared', ResourceUnsharedData>;
export type KeyRenamed = DomainEvent<'KeyRenamed', KeyRenamedData>;
export type KeyExpiryChanged = DomainEvent<'KeyExpiryChanged', KeyExpiryChangedData>;
export type KeyRateLimitChanged = DomainEvent<'KeyRateLimitChanged', KeyRateLimitChangedData>;
export type KeyIpAllowlistChanged = DomainEvent<'KeyIpAllowlistChanged', KeyIpAllowlistChangedData>;
export type KeyLeakReported = DomainEvent<'KeyLeakReported', KeyLeakReportedData>;
export type KeyCreditsChanged = DomainEvent<'KeyCreditsChanged', KeyCreditsChangedData>;
export type KeyNamedRateLimitsChanged = DomainEvent<'KeyNamedRateLimitsChanged', KeyNamedRateLimitsChangedData>;
export type KeyMetaChanged = DomainEvent<'KeyMetaChanged', KeyMetaChangedData>;
export type KeyDisabled = DomainEvent<'KeyDisabled', KeyDisabledData>;
export type KeyEnabled = DomainEvent<'KeyEnabled', KeyEnabledData>;

export type KeyEvent =
  | KeyCreated
  | KeyRotated
  | KeyRevoked
  | KeyDeleted
  | RoleAssigned
  | RoleUnassigned
  | KeyPermissionsChanged
  | ResourceShared
  | ResourceUnshared
  | KeyRenamed
  | KeyExpiryChanged
  | KeyRateLimitChanged
  | KeyIpAllowlistChanged
  | KeyLeakReported
  | KeyCreditsChanged
  | KeyNamedRateLimitsChanged
  | KeyMetaChanged
  | KeyDisabled
  | KeyEnabled;
export const KeyEventTypes: readonly KeyEvent['type'][] = [
  'KeyCreated',
  'KeyRotated',
  'KeyRevoked',
  'KeyDeleted',
  'RoleAssigned',
  'RoleUnassigned',
  'KeyPermissionsChanged',
  'ResourceShared',
  'ResourceUnshared',
  'KeyRenamed',
  'KeyExpiryChanged',
  'KeyRateLimitChanged',
  'KeyIpAllowlistChanged',
  'KeyLeakReported',
  'KeyCreditsChanged',
  'KeyNamedRateLimitsChanged',
  'KeyMetaChanged',
  'KeyDisabled',
  'KeyEnabled',
];

/** Streams are named `key-<id>`, `role-<id>`, `workspace-<id>`, `credential-<id>`, `identity-<id>`, `webhook-<id>`. */
export const keyStreamId = (keyId: string): string => `key-${keyId}`;
