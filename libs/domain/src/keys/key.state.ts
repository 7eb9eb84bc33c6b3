import type { KeyEnvironment, ResourcePermissions, StoredSecret } from '@keyward/contracts';

export interface PreviousSecret extends StoredSecret {
  readonly validUntil: string;
}

export interface ExistingKey {
  readonly status: 'active' | 'revoked';
  readonly keyId: string;
  readonly workspaceId: string;
  readonly name: string;
  readonly environment: KeyEnvironment;
  readonly createdAt: string;
  readonly expiresAt: string | null;
  readonly secret: StoredSecret;
  readonly previousSecrets: readonly PreviousSecret[];
  readonly roles: readonly string[];
  readonly permissions: ResourcePermissions;
  readonly unrestricted: boolean;
  readonly rotatedAt: string | null;
  readonly revokedAt: string | null;
}

export type KeyState = { readonly status: 'absent' } | ExistingKey;

export const initialKeyState: KeyState = { status: 'absent' };
