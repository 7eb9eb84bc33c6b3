import type { KeyEnvironment } from '../verify.contract';
import type { DomainEvent } from './event-metadata';

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

export type KeyCreated = DomainEvent<'KeyCreated', KeyCreatedData>;
export type KeyRotated = DomainEvent<'KeyRotated', KeyRotatedData>;
export type KeyRevoked = DomainEvent<'KeyRevoked', KeyRevokedData>;

export type KeyEvent = KeyCreated | KeyRotated | KeyRevoked;
export const KeyEventTypes: readonly KeyEvent['type'][] = ['KeyCreated', 'KeyRotated', 'KeyRevoked'];

/** Streams are named `key-<id>`, `role-<id>`, `workspace-<id>`, `credential-<id>`. */
export const keyStreamId = (keyId: string): string => `key-${keyId}`;
