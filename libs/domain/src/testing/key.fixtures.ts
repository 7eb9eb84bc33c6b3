import type { KeyCreated, KeyRevoked, KeyRotated, StoredSecret } from '@keyward/contracts';
import type { CreateKey, RevokeKey, RotateKey } from '../keys/key.commands';
import { accessPolicy } from './access.fixtures';

/** Fixed clock, ids and stored secrets for key decider tests. */
export const NOW = new Date('2026-11-23T10:00:00.000Z');
export const KEY_ID = 'key_aaaaaaaaaaaaaaaaaaaaaaaa';
export const WORKSPACE_ID = 'default';
export const OTHER_WORKSPACE_ID = 'ws_other';

export const at = (iso: string): Date => new Date(iso);

/** A stand-in for what `storedSecretOf` keeps; the domain never sees a secret itself. */
export const storedSecret = (n: number, environment: 'live' | 'test' = 'live'): StoredSecret => ({
  secretHash: n.toString(16).padStart(64, '0'),
  prefix: `kw_${environment}_000${n}`,
  lastFour: `abc${n}`,
});

export const createKey = (over: Partial<Omit<CreateKey, 'type'>> = {}): CreateKey => ({
  type: 'CreateKey',
  keyId: KEY_ID,
  workspaceId: WORKSPACE_ID,
  name: 'orders',
  environment: 'live',
  expiresAt: null,
  secret: storedSecret(1),
  policy: accessPolicy(),
  ...over,
});

export const rotateKey = (over: Partial<Omit<RotateKey, 'type'>> = {}): RotateKey => ({
  type: 'RotateKey',
  keyId: KEY_ID,
  workspaceId: WORKSPACE_ID,
  gracePeriodSeconds: 0,
  secret: storedSecret(2),
  policy: accessPolicy(),
  ...over,
});

export const revokeKey = (over: Partial<Omit<RevokeKey, 'type'>> = {}): RevokeKey => ({
  type: 'RevokeKey',
  keyId: KEY_ID,
  workspaceId: WORKSPACE_ID,
  ...over,
});

export const keyCreated = (over: Partial<KeyCreated['data']> = {}): KeyCreated => ({
  type: 'KeyCreated',
  data: {
    keyId: KEY_ID,
    workspaceId: WORKSPACE_ID,
    name: 'orders',
    environment: 'live',
    ...storedSecret(1),
    createdAt: NOW.toISOString(),
    expiresAt: null,
    roles: [],
    permissions: {},
    unrestricted: true,
    ...over,
  },
});

export const keyRotated = (over: Partial<KeyRotated['data']> = {}): KeyRotated => ({
  type: 'KeyRotated',
  data: { keyId: KEY_ID, ...storedSecret(2), rotatedAt: NOW.toISOString(), previousKeyExpiresAt: NOW.toISOString(), ...over },
});

export const keyRevoked = (over: Partial<KeyRevoked['data']> = {}): KeyRevoked => ({
  type: 'KeyRevoked',
  data: { keyId: KEY_ID, revokedAt: NOW.toISOString(), ...over },
});
