import type { KeyStatus, KeyView } from '@keyward/contracts';
import { expiresSoonAt, isStaleAt, keyStatusAt, lifetimeOf, maskKey, type ExistingKey } from '@keyward/domain';
import type { KeyUsageRow } from '../usage/key-usage-row.entity';
import type { KeyRow } from './key-row.entity';

/** "Expired" is read off the clock, by the domain's rule, never stored: rows stay what the events made them. */
export const keyStatusOf = (row: Pick<KeyRow, 'lifecycle' | 'expiresAt'>, now: Date): KeyStatus =>
  keyStatusAt({ revoked: row.lifecycle === 'revoked', expiresAtMs: row.expiresAt?.getTime() ?? null }, now);

export type KeyUsage = Pick<KeyView, 'usageCount' | 'lastUsedAt'>;

/** A key with no row in `key_usage` has had no counted answer. */
export const keyUsageOf = (row: KeyUsageRow | null | undefined): KeyUsage => ({
  usageCount: Number(row?.usageCount ?? 0),
  lastUsedAt: row?.lastUsedAt?.toISOString() ?? null,
});

/** What the key table shows of a key's use: its usage, and the marks the domain reads from it. */
const usageFields = (
  key: Pick<KeyView, 'status' | 'createdAt' | 'expiresAt'>,
  usage: KeyUsage,
  staleAfterDays: number,
  now: Date,
): Pick<KeyView, 'usageCount' | 'lastUsedAt' | 'stale' | 'expiresSoon'> => {
  const marks = {
    status: key.status,
    createdAtMs: Date.parse(key.createdAt),
    expiresAtMs: key.expiresAt === null ? null : Date.parse(key.expiresAt),
    lastUsedAtMs: usage.lastUsedAt === null ? null : Date.parse(usage.lastUsedAt),
  };
  return { ...usage, stale: isStaleAt(marks, staleAfterDays, now), expiresSoon: expiresSoonAt(marks, now) };
};

/** `row.usage` is the key's `key_usage` row, joined by the query. */
export const toKeyView = (row: KeyRow, now: Date, staleAfterDays: number): KeyView => {
  const status = keyStatusOf(row, now);
  const createdAt = row.createdAt.toISOString();
  const expiresAt = row.expiresAt?.toISOString() ?? null;
  return {
    id: row.id,
    workspaceId: row.workspaceId,
    name: row.name,
    prefix: row.prefix,
    maskedKey: row.maskedKey,
    environment: row.environment,
    createdAt,
    expiresAt,
    status,
    restricted: row.restricted,
    roles: row.roles,
    permissions: row.permissions,
    shares: row.shares,
    ratelimit: row.ratelimit,
    ipAllowlist: row.ipAllowlist,
    rotatedAt: row.rotatedAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
    enabled: row.enabled,
    // As set: the queries put the live balance in (`creditsViewOf`).
    credits: row.credits,
    ratelimits: row.ratelimits,
    meta: row.meta,
    identityId: row.identityId,
    ...usageFields({ status, createdAt, expiresAt }, keyUsageOf(row.usage), staleAfterDays, now),
  };
};

/** The same view from the key's folded history: what the table will show once the projector has applied it. */
export const keyViewOfState = (key: ExistingKey, usage: KeyUsage, now: Date, staleAfterDays: number): KeyView => {
  const status = keyStatusAt(lifetimeOf(key), now);
  const createdAt = new Date(key.createdAt).toISOString();
  const expiresAt = key.expiresAt === null ? null : new Date(key.expiresAt).toISOString();
  return {
    id: key.keyId,
    workspaceId: key.workspaceId,
    name: key.name,
    prefix: key.secret.prefix,
    maskedKey: maskKey(key.secret.prefix, key.secret.lastFour),
    environment: key.environment,
    createdAt,
    expiresAt,
    status,
    restricted: !key.unrestricted,
    roles: key.roles,
    permissions: key.permissions,
    shares: key.shares,
    ratelimit: key.ratelimit,
    ipAllowlist: key.ipAllowlist,
    rotatedAt: key.rotatedAt === null ? null : new Date(key.rotatedAt).toISOString(),
    revokedAt: key.revokedAt === null ? null : new Date(key.revokedAt).toISOString(),
    enabled: key.enabled,
    credits: key.credits,
    ratelimits: key.ratelimits,
    meta: key.meta,
    identityId: key.identityId,
    ...usageFields({ status, createdAt, expiresAt }, usage, staleAfterDays, now),
  };
};
