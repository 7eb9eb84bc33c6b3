import type { KeyStatus, KeyView } from '@keyward/contracts';
import { keyStatusAt, lifetimeOf, maskKey, type ExistingKey } from '@keyward/domain';
import type { KeyRow } from './key-row.entity';

/** "Expired" is read off the clock, by the domain's rule, never stored: rows stay what the events made them. */
export const keyStatusOf = (row: Pick<KeyRow, 'lifecycle' | 'expiresAt'>, now: Date): KeyStatus =>
  keyStatusAt({ revoked: row.lifecycle === 'revoked', expiresAtMs: row.expiresAt?.getTime() ?? null }, now);

export const toKeyView = (row: KeyRow, now: Date): KeyView => ({
  id: row.id,
  workspaceId: row.workspaceId,
  name: row.name,
  prefix: row.prefix,
  maskedKey: row.maskedKey,
  environment: row.environment,
  createdAt: row.createdAt.toISOString(),
  expiresAt: row.expiresAt?.toISOString() ?? null,
  status: keyStatusOf(row, now),
  restricted: row.restricted,
  roles: row.roles,
  permissions: row.permissions,
  shares: row.shares,
  ratelimit: row.ratelimit,
  ipAllowlist: row.ipAllowlist,
  rotatedAt: row.rotatedAt?.toISOString() ?? null,
  revokedAt: row.revokedAt?.toISOString() ?? null,
  usageCount: Number(row.usageCount),
  lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
});

export type KeyUsage = Pick<KeyView, 'usageCount' | 'lastUsedAt'>;

/** The same view from the key's folded history: what the table will show once the projector has applied it. */
export const keyViewOfState = (key: ExistingKey, usage: KeyUsage, now: Date): KeyView => ({
  id: key.keyId,
  workspaceId: key.workspaceId,
  name: key.name,
  prefix: key.secret.prefix,
  maskedKey: maskKey(key.secret.prefix, key.secret.lastFour),
  environment: key.environment,
  createdAt: new Date(key.createdAt).toISOString(),
  expiresAt: key.expiresAt === null ? null : new Date(key.expiresAt).toISOString(),
  status: keyStatusAt(lifetimeOf(key), now),
  restricted: !key.unrestricted,
  roles: key.roles,
  permissions: key.permissions,
  shares: key.shares,
  ratelimit: key.ratelimit,
  ipAllowlist: key.ipAllowlist,
  rotatedAt: key.rotatedAt === null ? null : new Date(key.rotatedAt).toISOString(),
  revokedAt: key.revokedAt === null ? null : new Date(key.revokedAt).toISOString(),
  ...usage,
});
