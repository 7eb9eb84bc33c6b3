import type { CreateKeyAnswer, KeyPage, KeyView, RevokeKeyResult, RotateKeyAnswer } from '@keyward/contracts';
import { cell, fields, table } from '../output/table';

/** Keys as `keyward keys list` shows them to people; `--json` prints the page itself. */
export const keyTable = (page: KeyPage): string => {
  const rows = page.items.map((k) => [
    k.id,
    k.name,
    k.maskedKey,
    k.environment,
    k.status,
    k.restricted ? 'restricted' : 'full',
    cell(k.roles),
    k.createdAt,
    cell(k.expiresAt),
    String(k.usageCount),
    cell(k.lastUsedAt),
  ]);
  const more = page.nextCursor === null ? '' : `\nmore: --cursor ${page.nextCursor} (or --all)`;
  return `${table(['id', 'name', 'key', 'env', 'status', 'access', 'roles', 'created', 'expires', 'uses', 'last used'], rows)}${more}`;
};

/** One key, a field a line. */
export const keyFields = (k: KeyView): string =>
  fields([
    ['id', k.id],
    ['name', k.name],
    ['key', k.maskedKey],
    ['environment', k.environment],
    ['status', k.status],
    ['enabled', k.enabled ? 'yes' : 'no (disabled: verify answers DISABLED)'],
    ['access', k.restricted ? 'restricted' : 'full (unrestricted)'],
    ['roles', cell(k.roles)],
    ['permissions', cell(k.permissions)],
    ['shares', cell(k.shares.map((s) => `${s.resource}/${s.resourceId}:${s.access}`))],
    ['rate limit', cell(k.ratelimit)],
    ['ip allowlist', cell(k.ipAllowlist)],
    ['named limits', cell(k.ratelimits.map((l) => `${l.name}: ${l.limit}/${l.windowSeconds}s${l.autoApply ? '' : ' (when named)'}`))],
    ['credits', k.credits === null ? '-' : `${k.credits.remaining} left${k.credits.refill ? `, refilled to ${k.credits.refill.amount} ${k.credits.refill.interval}` : ''}${k.credits.degraded ? ' (at most: the count could not be read)' : ''}`],
    ['identity', cell(k.identityId)],
    ['meta', Object.keys(k.meta).length === 0 ? '-' : JSON.stringify(k.meta)],
    ['created', k.createdAt],
    ['expires', cell(k.expiresAt)],
    ['rotated', cell(k.rotatedAt)],
    ['revoked', cell(k.revokedAt)],
    ['uses', String(k.usageCount)],
    ['last used', cell(k.lastUsedAt)],
  ]);

/** A new key: its fields, then the secret alone on the last line (easy to copy, shown this once). */
export const createdKey = (k: CreateKeyAnswer): string =>
  `${fields([
    ['id', k.id],
    ['name', k.name],
    ['environment', k.environment],
    ['access', k.unrestricted ? 'full (unrestricted)' : 'restricted'],
    ['roles', cell(k.roles)],
    ['permissions', cell(k.permissions)],
    ['created', k.createdAt],
    ['expires', cell(k.expiresAt)],
  ])}\n${k.key ?? '(secret already shown)'}`;

export const rotatedKey = (r: RotateKeyAnswer): string =>
  `${fields([
    ['id', r.id],
    ['previous key valid until', r.previousKeyExpiresAt],
  ])}\n${r.key ?? '(secret already shown)'}`;

export const revokedKey = (r: RevokeKeyResult): string => `revoked ${r.id} at ${r.revokedAt}`;
