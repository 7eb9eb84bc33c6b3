import type { KeyStatus, KeyView } from '@keyward/contracts';
import type { KeyRow } from './key-row.entity';

/** "Expired" is read off the clock here, never stored, so rows stay what the events made them. */
export const keyStatusOf = (row: KeyRow, now: Date): KeyStatus =>
  row.lifecycle === 'revoked' ? 'revoked' : row.expiresAt !== null && row.expiresAt <= now ? 'expired' : 'active';

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
  rotatedAt: row.rotatedAt?.toISOString() ?? null,
  revokedAt: row.revokedAt?.toISOString() ?? null,
  usageCount: Number(row.usageCount),
  lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
});
