import type { KeyEnvironment, ResourcePermissions, StoredSecret } from '@keyward/contracts';

/**
 * Commands carry everything a decision needs, ids and secrets included, so that `decideKey`
 * stays pure: the caller generates the key id and the secret, and hands over only the secret's
 * stored form (the secret itself never reaches the domain).
 */
export interface CreateKey {
  readonly type: 'CreateKey';
  readonly keyId: string;
  readonly workspaceId: string;
  readonly name: string;
  readonly environment: KeyEnvironment;
  readonly expiresAt: string | null;
  readonly roles?: readonly string[];
  readonly permissions?: ResourcePermissions;
  readonly unrestricted?: boolean;
  readonly secret: StoredSecret;
}

export interface RotateKey {
  readonly type: 'RotateKey';
  readonly keyId: string;
  readonly workspaceId: string;
  readonly gracePeriodSeconds: number;
  /** The replacement, generated in the key's own environment. */
  readonly secret: StoredSecret;
}

export interface RevokeKey {
  readonly type: 'RevokeKey';
  readonly keyId: string;
  readonly workspaceId: string;
}

export type KeyCommand = CreateKey | RotateKey | RevokeKey;
