import { Plans, RateLimitWhenUnreachableChoices, type AccessLevel, type KeyEnvironment, type Plan, type RateLimitWhenUnreachable, type Share } from '@keyward/contracts';
import { isAccessLevel, isIpAllowlistEntry, isKeyEnvironment, isLevelResource, isPermissionAction, isRateLimit, type KeyAccess } from '@keyward/domain';
import type { IdentityRow } from '../key-index/identities';
import { readStoredExtras, readStoredIdentity } from '../key-index/index-event.parser';
import type { KeyLimitColumns } from '../key-index/key-limits';
import { DIGEST_BYTES } from '../key-index/secret-table';
import { INDEX_SNAPSHOT_FORMAT, type IndexSnapshot, type SnapshotKeyExtra } from './index-snapshot';

/** A snapshot that cannot be used; its message names the part, never a value. */
export class UnusableSnapshotError extends Error {
  override readonly name = 'UnusableSnapshotError';
}

const fail = (what: string): never => {
  throw new UnusableSnapshotError(`${what} is missing or invalid`);
};

type Check<T> = (value: unknown) => value is T;

const isString = (v: unknown): v is string => typeof v === 'string';
const isBoolean = (v: unknown): v is boolean => typeof v === 'boolean';
const isPlan = (v: unknown): v is Plan => Plans.includes(v as Plan);
const isWhenUnreachable = (v: unknown): v is RateLimitWhenUnreachable => RateLimitWhenUnreachableChoices.includes(v as RateLimitWhenUnreachable);
const isRecord = (v: unknown): v is Readonly<Record<string, unknown>> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isInstantOrNull = (v: unknown): v is string | null => v === null || (typeof v === 'string' && Number.isFinite(Date.parse(v)));
const below =
  (limit: number): Check<number> =>
  (v): v is number =>
    Number.isInteger(v) && (v as number) >= 0 && (v as number) < limit;

/** A list of `length` items (any length when absent), each passing `check`: plain loops, as columns hold a million items. */
const listOf = <T>(what: string, value: unknown, check: Check<T>, length?: number): T[] => {
  if (!Array.isArray(value) || (length !== undefined && value.length !== length)) return fail(what);
  for (let i = 0; i < value.length; i++) if (!check(value[i])) fail(what);
  return value as T[];
};

const isTuple = (v: unknown): v is readonly unknown[] => Array.isArray(v);

const isShare = (v: unknown): v is Share => isRecord(v) && isString(v.resource) && isString(v.resourceId) && isPermissionAction(v.access);

const isLevels = (v: unknown): v is Readonly<Record<string, AccessLevel>> => isRecord(v) && Object.entries(v).every(([resource, level]) => isLevelResource(resource) && isAccessLevel(level));

const isAccess = (v: unknown): v is KeyAccess =>
  isRecord(v) && isBoolean(v.unrestricted) && Array.isArray(v.roles) && v.roles.every(isString) && isLevels(v.permissions) && Array.isArray(v.shares) && v.shares.every(isShare);

/** Each slot a live key's, at most once. */
const limitColumns = (value: unknown, count: number): KeyLimitColumns => {
  const limits = isRecord(value) ? value : fail('limits');
  const isSlot = below(count);
  const rateLimits = listOf('limits.rateLimits', limits.rateLimits, (v): v is [number, number, number] =>
    isTuple(v) && v.length === 3 && isSlot(v[0]) && isRateLimit({ limit: v[1], windowSeconds: v[2] }),
  );
  const ipAllowlists = listOf('limits.ipAllowlists', limits.ipAllowlists, (v): v is [number, string[]] =>
    isTuple(v) && v.length === 2 && isSlot(v[0]) && Array.isArray(v[1]) && v[1].length > 0 && v[1].every(isIpAllowlistEntry),
  );
  if (new Set(rateLimits.map(([slot]) => slot)).size !== rateLimits.length) fail('limits.rateLimits');
  if (new Set(ipAllowlists.map(([slot]) => slot)).size !== ipAllowlists.length) fail('limits.ipAllowlists');
  return { rateLimits, ipAllowlists };
};

/** Read by the event parser's own rules: a snapshot holds nothing an event could not have set. */
const readWith = <T>(what: string, read: () => T): T => {
  try {
    return read();
  } catch {
    return fail(what);
  }
};

const identityRows = (value: unknown): IdentityRow[] =>
  listOf('identities', value, isTuple).map((row) =>
    row.length === 3 && isString(row[0]) && isString(row[1]) ? ([row[0], row[1], readWith('identities', () => readStoredIdentity(row[2]))] as const) : fail('identities'),
  );

/** Each slot a live key's, at most once. */
const extraRows = (value: unknown, count: number): (readonly [number, SnapshotKeyExtra])[] => {
  const isSlot = below(count);
  const rows = listOf('extras', value, isTuple).map((row) => (row.length === 2 && isSlot(row[0]) ? ([row[0], readWith('extras', () => readStoredExtras(row[1]))] as const) : fail('extras')));
  if (new Set(rows.map(([slot]) => slot)).size !== rows.length) fail('extras');
  return rows;
};

/**
 * The boundary between a stored snapshot and the index: every column checked for type, length
 * and range, so that a snapshot of another version or a damaged one is refused whole, before the
 * index is touched. The digests travel as base64; `Infinity` (a current secret) as `null`.
 */
export const parseIndexSnapshot = (value: unknown): IndexSnapshot => {
  if (!isRecord(value) || value.format !== INDEX_SNAPSHOT_FORMAT) return fail('format');
  const workspaces = listOf('workspaces', value.workspaces, (w): w is [string, Plan, RateLimitWhenUnreachable] =>
    isTuple(w) && w.length === 3 && isString(w[0]) && isPlan(w[1]) && isWhenUnreachable(w[2]),
  );
  const roles = listOf('roles', value.roles, (r): r is [string, string, string[]] => isTuple(r) && r.length === 3 && isString(r[0]) && isString(r[1]) && Array.isArray(r[2]) && r[2].every(isString));
  const accesses = listOf('accesses', value.accesses, isAccess);
  const keys = isRecord(value.keys) ? value.keys : fail('keys');
  const secrets = isRecord(value.secrets) ? value.secrets : fail('secrets');
  if (!isString(secrets.digests)) return fail('secrets.digests');
  const digests = Buffer.from(secrets.digests, 'base64');
  if (digests.length % DIGEST_BYTES !== 0) return fail('secrets.digests');
  const secretCount = digests.length / DIGEST_BYTES;
  const ids = listOf('keys.ids', keys.ids, isString);
  const count = ids.length;
  return {
    workspaces,
    roles,
    accesses,
    keys: {
      ids,
      names: listOf('keys.names', keys.names, isString, count),
      environments: listOf<KeyEnvironment>('keys.environments', keys.environments, isKeyEnvironment, count),
      expiresAt: listOf('keys.expiresAt', keys.expiresAt, isInstantOrNull, count),
      revoked: listOf('keys.revoked', keys.revoked, isBoolean, count),
      access: listOf('keys.access', keys.access, below(accesses.length), count),
      workspace: listOf('keys.workspace', keys.workspace, below(workspaces.length), count),
      currentSecret: listOf('keys.currentSecret', keys.currentSecret, below(secretCount), count),
    },
    secrets: {
      digests,
      keys: listOf('secrets.keys', secrets.keys, below(count), secretCount),
      validUntilMs: listOf('secrets.validUntilMs', secrets.validUntilMs, (v): v is number | null => v === null || typeof v === 'number', secretCount).map((v) => v ?? Infinity),
    },
    limits: limitColumns(value.limits, count),
    identities: identityRows(value.identities),
    extras: extraRows(value.extras, count),
  };
};
