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
}

export interface KeyRotatedData extends StoredSecret {
  readonly keyId: string;
  readonly rotatedAt: string;
  /** When the secret being replaced stops verifying; never later than the key's own expiry. */
  readonly previousKeyExpiresAt: string;
}

export interface KeyRevokedData {
  readonly keyId: string;
  readonly revokedAt: string;
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
  | KeyIpAllowlistChanged;
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
];

/** Streams are named `key-<id>`, `role-<id>`, `workspace-<id>`, `credential-<id>`. */
export const keyStreamId = (keyId: string): string => `key-${keyId}`;

/**
 * A leak report named this key (product.md 9.5): where it was found, never the token or its hash.
 * `reportId` is the hex SHA-256 of the raw report body, so a replayed report is recognised.
 * Slice i13-leaks writes it (and adds it to `KeyEvent`); the webhook sender maps it to `key.leaked`.
 */
export interface KeyLeakReportedData {
  readonly keyId: string;
  readonly workspaceId: string;
  readonly reportId: string;
  readonly url?: string;
  readonly source?: string;
  readonly reportedAt: string;
}

export type KeyLeakReported = DomainEvent<'KeyLeakReported', KeyLeakReportedData>;
