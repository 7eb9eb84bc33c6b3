import { ErrorCodes, type KeyEvent, type ResourcePermissions } from '@keyward/contracts';
import { assertKeyWithinAuthority, requireEntitlement } from '../access/access-policy';
import { DomainError, validationError } from '../domain.error';
import type { KeyAccess } from '../permissions/effective-grants';
import { assertPermissionsUsable, assertRolesUsable, validShare } from './key-access-rules';
import type { CreateKey, DeleteKey, KeyCommand, ReportKeyLeak, RevokeKey, RotateKey, SetKeyEnabled, SetKeyPermissions, SetKeyRoles, ShareResource, UnshareResource, UpdateKey } from './key.commands';
import { sameIpAllowlist, validIpAllowlist } from './ip-allowlist';
import { sameRateLimit, validRateLimit } from './rate-limit';
import { validCredits } from '../limits/credits';
import { sameNamedRateLimits, validNamedRateLimits } from '../limits/named-rate-limits';
import { NO_META, sameMeta, validMeta } from '../meta/json-meta';
import { assertSecretOf, validAccess, validEnvironment, validExpiry, validGracePeriod, validKeyName, validPermissions, validRoles } from './key-rules';
import { keyStatusAt, lifetimeOf } from './key-status';
import { isLeakReportId, validLeakLocation } from './leak-report';
import { isShareOf } from './key-values';
import type { ExistingKey, KeyState } from './key.state';

type ExistingKeyCommand = Exclude<KeyCommand, CreateKey>;

/** A key of another workspace, or a deleted one, is answered exactly like an unknown one, so none is ever revealed. */
const existingKey = (state: KeyState, command: ExistingKeyCommand): ExistingKey => {
  if (state.status === 'absent' || state.deletedAt !== null || state.keyId !== command.keyId || state.workspaceId !== command.workspaceId) {
    throw new DomainError(ErrorCodes.keyNotFound, 'no such key');
  }
  return state;
};

/** Access edits: only on a live key, and never where the workspace keeps key permissions immutable. */
const editableKey = (state: KeyState, command: SetKeyRoles | SetKeyPermissions | ShareResource | UnshareResource): ExistingKey => {
  const key = existingKey(state, command);
  if (key.status === 'revoked') throw new DomainError(ErrorCodes.keyRevoked, 'the key is revoked');
  if (command.policy.workspace.settings.keyPermissionsImmutable) {
    throw new DomainError(ErrorCodes.conflict, "this workspace keeps keys' roles and permissions immutable: delete the key and create a new one");
  }
  return key;
};

const accessOf = (key: ExistingKey): KeyAccess => ({ unrestricted: key.unrestricted, roles: key.roles, permissions: key.permissions, shares: key.shares });

const createKey = (command: CreateKey, state: KeyState, now: Date): KeyEvent => {
  const { policy } = command;
  if (!policy.operator) requireEntitlement(policy.workspace, 'apiAccess', 'API keys');
  const name = validKeyName(command.name);
  const expiresAt = validExpiry(command.expiresAt, now);
  const environment = validEnvironment(command.environment);
  const access = validAccess(command);
  const ratelimit = command.ratelimit == null ? null : validRateLimit(command.ratelimit);
  const ipAllowlist = command.ipAllowlist == null ? [] : validIpAllowlist(command.ipAllowlist);
  const credits = command.credits == null ? null : validCredits(command.credits);
  const ratelimits = command.ratelimits === undefined ? [] : validNamedRateLimits(command.ratelimits);
  const meta = command.meta === undefined ? NO_META : validMeta(command.meta);
  assertRolesUsable(policy, access.roles);
  assertPermissionsUsable(policy, access);
  assertKeyWithinAuthority(policy, access);
  assertSecretOf(environment, command.secret);
  if (state.status !== 'absent') throw new DomainError(ErrorCodes.conflict, 'a key with this id exists already');
  const { secretHash, prefix, lastFour } = command.secret;
  return {
    type: 'KeyCreated',
    data: {
      keyId: command.keyId,
      workspaceId: command.workspaceId,
      name,
      environment,
      secretHash,
      prefix,
      lastFour,
      createdAt: now.toISOString(),
      expiresAt,
      roles: access.roles,
      permissions: access.permissions,
      unrestricted: access.unrestricted,
      // Left out when unset, so a plain key's event stays as small as before.
      ...(ratelimit === null ? {} : { ratelimit }),
      ...(ipAllowlist.length === 0 ? {} : { ipAllowlist }),
      ...(credits === null ? {} : { credits }),
      ...(ratelimits.length === 0 ? {} : { ratelimits }),
      ...(meta === NO_META ? {} : { meta }),
      ...(command.identityId === undefined ? {} : { identityId: command.identityId }),
    },
  };
};

const rotateKey = (command: RotateKey, state: KeyState, now: Date): KeyEvent => {
  const grace = validGracePeriod(command.gracePeriodSeconds);
  const key = existingKey(state, command);
  const status = keyStatusAt(lifetimeOf(key), now);
  if (status === 'revoked') throw new DomainError(ErrorCodes.keyRevoked, 'the key is revoked');
  if (status === 'expired') throw new DomainError(ErrorCodes.conflict, 'an expired key cannot be rotated');
  assertKeyWithinAuthority(command.policy, accessOf(key));
  assertSecretOf(key.environment, command.secret);
  const graceEnds = now.getTime() + grace * 1_000;
  // A rotation never extends a key's life: the old secret ends no later than the key itself.
  const previousEnds = key.expiresAt === null ? graceEnds : Math.min(graceEnds, Date.parse(key.expiresAt));
  const { secretHash, prefix, lastFour } = command.secret;
  return {
    type: 'KeyRotated',
    data: { keyId: key.keyId, secretHash, prefix, lastFour, rotatedAt: now.toISOString(), previousKeyExpiresAt: new Date(previousEnds).toISOString() },
  };
};

/** Revocation is final; an expired key may still be revoked, so that it can never come back. */
const revokeKey = (command: RevokeKey, state: KeyState, now: Date): KeyEvent => {
  const key = existingKey(state, command);
  if (key.status === 'revoked') throw new DomainError(ErrorCodes.keyRevoked, 'the key is already revoked');
  return { type: 'KeyRevoked', data: { keyId: key.keyId, revokedAt: now.toISOString(), ...(command.reason ? { reason: command.reason } : {}) } };
};

/**
 * Once per key and report. A revoked or deleted key is past harm: nothing new, and no error either,
 * since the token was a real one all the same. An expired key is revoked too, so that a new expiry
 * can never bring the leaked secret back.
 */
const reportKeyLeak = (command: ReportKeyLeak, state: KeyState, now: Date): KeyEvent[] => {
  if (!isLeakReportId(command.reportId)) throw validationError('reportId', 'reportId must be a SHA-256 in lowercase hex');
  const location = validLeakLocation(command.url, command.source);
  if (state.status !== 'absent' && state.deletedAt !== null) return [];
  const key = existingKey(state, command);
  if (key.status === 'revoked' || key.leakReports.includes(command.reportId)) return [];
  const at = now.toISOString();
  const { keyId, workspaceId } = key;
  const reported: KeyEvent = {
    type: 'KeyLeakReported',
    data: { keyId, workspaceId, reportId: command.reportId, ...location, reportedAt: at },
  };
  if (!command.revokeLeakedKeys || !command.secretCurrent) return [reported];
  return [reported, { type: 'KeyRevoked', data: { keyId, revokedAt: at, reason: 'leak-reported' } }];
};

/** Stored expiries may be written with another offset or precision than a normalised one. */
const sameInstant = (a: string | null, b: string | null): boolean => (a === null || b === null ? a === b : Date.parse(a) === Date.parse(b));

/**
 * One event per field that changes, in a fixed order, appended together; nothing changed: no event.
 * An expired key may be given a new expiry (that is how it comes back); a revoked one is final.
 */
const updateKey = (command: UpdateKey, state: KeyState, now: Date): KeyEvent[] => {
  const name = command.name === undefined ? undefined : validKeyName(command.name);
  const expiresAt = command.expiresAt === undefined ? undefined : validExpiry(command.expiresAt, now);
  const ratelimit = command.ratelimit === undefined ? undefined : command.ratelimit === null ? null : validRateLimit(command.ratelimit);
  const ipAllowlist = command.ipAllowlist === undefined ? undefined : command.ipAllowlist === null ? [] : validIpAllowlist(command.ipAllowlist);
  const credits = command.credits === undefined ? undefined : command.credits === null ? null : validCredits(command.credits);
  const ratelimits = command.ratelimits === undefined ? undefined : validNamedRateLimits(command.ratelimits);
  const meta = command.meta === undefined ? undefined : command.meta === null ? NO_META : validMeta(command.meta);
  const key = existingKey(state, command);
  if (key.status === 'revoked') throw new DomainError(ErrorCodes.keyRevoked, 'the key is revoked');
  // Extending a key's life or lifting its limits gives it access again: only within the caller's own.
  assertKeyWithinAuthority(command.policy, accessOf(key));
  const { keyId } = key;
  const events: KeyEvent[] = [];
  if (name !== undefined && name !== key.name) events.push({ type: 'KeyRenamed', data: { keyId, name } });
  if (expiresAt !== undefined && !sameInstant(expiresAt, key.expiresAt)) events.push({ type: 'KeyExpiryChanged', data: { keyId, expiresAt } });
  if (ratelimit !== undefined && !sameRateLimit(ratelimit, key.ratelimit)) events.push({ type: 'KeyRateLimitChanged', data: { keyId, ratelimit } });
  if (ipAllowlist !== undefined && !sameIpAllowlist(ipAllowlist, key.ipAllowlist)) events.push({ type: 'KeyIpAllowlistChanged', data: { keyId, ipAllowlist } });
  // Credits named set the balance anew even when equal: that is how a caller tops a key up again.
  // Clearing credits the key does not have changes nothing, so it needs no new generation.
  if (credits !== undefined && !(credits === null && key.credits === null)) {
    events.push({ type: 'KeyCreditsChanged', data: { keyId, credits, generation: key.creditsGeneration + 1, changedAt: now.toISOString() } });
  }
  if (ratelimits !== undefined && !sameNamedRateLimits(ratelimits, key.ratelimits)) events.push({ type: 'KeyNamedRateLimitsChanged', data: { keyId, ratelimits } });
  if (meta !== undefined && !sameMeta(meta, key.meta)) events.push({ type: 'KeyMetaChanged', data: { keyId, meta } });
  return events;
};

/**
 * Disabling is reversible, unlike revoking: a revoked key stays revoked. Asking for the state the
 * key is in already changes nothing and is no error, so a retried call answers the same.
 */
const setKeyEnabled = (command: SetKeyEnabled, state: KeyState, now: Date): KeyEvent[] => {
  const key = existingKey(state, command);
  if (key.status === 'revoked') throw new DomainError(ErrorCodes.keyRevoked, 'the key is revoked');
  if (command.enabled === key.enabled) return [];
  const { keyId } = key;
  const at = now.toISOString();
  if (!command.enabled) return [{ type: 'KeyDisabled', data: { keyId, disabledAt: at } }];
  assertKeyWithinAuthority(command.policy, accessOf(key));
  return [{ type: 'KeyEnabled', data: { keyId, enabledAt: at } }];
};

/** Deleting revokes for good; a revoked key may be deleted too. */
const deleteKey = (command: DeleteKey, state: KeyState, now: Date): KeyEvent => {
  const key = existingKey(state, command);
  return { type: 'KeyDeleted', data: { keyId: key.keyId, deletedAt: now.toISOString() } };
};

/**
 * Roles become the given set: one event per role added or removed. Naming roles, even none,
 * restricts an unrestricted key first (it fails closed), since "these roles" is what the caller
 * asked the key to hold.
 */
const setKeyRoles = (command: SetKeyRoles, state: KeyState): KeyEvent[] => {
  const key = editableKey(state, command);
  const roles = validRoles(command.roles);
  assertRolesUsable(command.policy, roles.filter((r) => !key.roles.includes(r)));
  const next: KeyAccess = { ...accessOf(key), roles, unrestricted: false };
  requireEntitlement(command.policy.workspace, 'restrictedKeys', 'restricted keys');
  assertKeyWithinAuthority(command.policy, next);
  const events: KeyEvent[] = [];
  if (key.unrestricted) events.push({ type: 'KeyPermissionsChanged', data: { keyId: key.keyId, permissions: key.permissions, unrestricted: false } });
  for (const roleId of key.roles) if (!roles.includes(roleId)) events.push({ type: 'RoleUnassigned', data: { keyId: key.keyId, roleId } });
  for (const roleId of roles) if (!key.roles.includes(roleId)) events.push({ type: 'RoleAssigned', data: { keyId: key.keyId, roleId } });
  return events;
};

const samePermissions = (a: ResourcePermissions, b: ResourcePermissions): boolean =>
  Object.keys(a).length === Object.keys(b).length && Object.entries(a).every(([resource, level]) => b[resource] === level);

const setKeyPermissions = (command: SetKeyPermissions, state: KeyState): KeyEvent[] => {
  const key = editableKey(state, command);
  const permissions = validPermissions(command.permissions);
  const granting = Object.values(permissions).some((level) => level !== 'none');
  if (command.unrestricted === true && granting) throw validationError('unrestricted', 'an unrestricted key cannot also have permissions');
  const unrestricted = command.unrestricted ?? false;
  const next: KeyAccess = { ...accessOf(key), permissions, unrestricted };
  assertPermissionsUsable(command.policy, next);
  assertKeyWithinAuthority(command.policy, next);
  if (unrestricted === key.unrestricted && samePermissions(permissions, key.permissions)) return [];
  return [{ type: 'KeyPermissionsChanged', data: { keyId: key.keyId, permissions, unrestricted } }];
};

/** Sharing an instance again with other access replaces the share. */
const shareResource = (command: ShareResource, state: KeyState): KeyEvent[] => {
  const key = editableKey(state, command);
  const share = validShare(command.policy, command.resource, command.resourceId, command.access);
  const existing = key.shares.find((s) => isShareOf(s, share.resource, share.resourceId));
  if (existing?.access === share.access) return [];
  const shares = [...key.shares.filter((s) => s !== existing), share];
  assertKeyWithinAuthority(command.policy, { ...accessOf(key), shares });
  return [{ type: 'ResourceShared', data: { keyId: key.keyId, ...share } }];
};

const unshareResource = (command: UnshareResource, state: KeyState): KeyEvent[] => {
  const key = editableKey(state, command);
  if (!key.shares.some((s) => isShareOf(s, command.resource, command.resourceId))) {
    throw new DomainError(ErrorCodes.shareNotFound, `${command.resource}/${command.resourceId} is not shared with this key`);
  }
  return [{ type: 'ResourceUnshared', data: { keyId: key.keyId, resource: command.resource, resourceId: command.resourceId } }];
};

/** Decides a key command against the key's state: the events to append (none when nothing changes), or a thrown DomainError. */
export const decideKey = (command: KeyCommand, state: KeyState, now: Date): KeyEvent[] => {
  switch (command.type) {
    case 'CreateKey':
      return [createKey(command, state, now)];
    case 'RotateKey':
      return [rotateKey(command, state, now)];
    case 'RevokeKey':
      return [revokeKey(command, state, now)];
    case 'UpdateKey':
      return updateKey(command, state, now);
    case 'DeleteKey':
      return [deleteKey(command, state, now)];
    case 'SetKeyRoles':
      return setKeyRoles(command, state);
    case 'SetKeyPermissions':
      return setKeyPermissions(command, state);
    case 'ShareResource':
      return shareResource(command, state);
    case 'UnshareResource':
      return unshareResource(command, state);
    case 'ReportKeyLeak':
      return reportKeyLeak(command, state, now);
    case 'SetKeyEnabled':
      return setKeyEnabled(command, state, now);
  }
};
