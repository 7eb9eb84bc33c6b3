import { ErrorCodes, type AccessLevel, type KeyEnvironment, type StoredSecret } from '@keyward/contracts';
import { DomainError, validationError } from '../domain.error';
import type { KeyAccess } from '../permissions/effective-grants';
import { parseIsoDateTime } from '../time/iso-date-time';
import { CONTROL_CHARACTER, MAX_NAME_LENGTH, validName } from '../names';
import type { CreateKey } from './key.commands';
import { isAccessLevel, isKeyEnvironment, isLevelResource } from './key-values';

export const MAX_KEY_NAME_LENGTH = MAX_NAME_LENGTH;
/** Seven days (product.md section 4). */
export const MAX_GRACE_PERIOD_SECONDS = 7 * 24 * 60 * 60;
export const MAX_KEY_ROLES = 50;
export const MAX_ROLE_ID_LENGTH = 64;
export const MAX_KEY_RESOURCES = 100;

export const validKeyName = (raw: string): string => validName(raw, 'name');

/** No expiry, or a strict ISO 8601 date-time after `now`; normalised to UTC with milliseconds. */
export const validExpiry = (expiresAt: string | null, now: Date): string | null => {
  if (expiresAt === null) return null;
  const at = parseIsoDateTime(expiresAt);
  if (at === undefined) throw validationError('expiresAt', 'expiresAt must be an ISO 8601 date-time with a time zone');
  if (at <= now.getTime()) throw validationError('expiresAt', 'expiresAt must be in the future');
  return new Date(at).toISOString();
};

export const validEnvironment = (environment: string): KeyEnvironment => {
  if (!isKeyEnvironment(environment)) throw validationError('environment', 'environment must be live or test');
  return environment;
};

export const validRoles = (roles: readonly string[]): string[] => {
  const unique = [...new Set(roles)];
  if (unique.length > MAX_KEY_ROLES) throw validationError('roles', `a key holds at most ${MAX_KEY_ROLES} roles`);
  for (const role of unique) {
    if (role.length === 0 || role.length > MAX_ROLE_ID_LENGTH || CONTROL_CHARACTER.test(role)) {
      throw validationError('roles', `a role id is 1 to ${MAX_ROLE_ID_LENGTH} characters without control characters`);
    }
  }
  return unique;
};

/** Copied entry by entry, so the event never shares an object with the caller. */
export const validPermissions = (permissions: Readonly<Record<string, AccessLevel>>): Record<string, AccessLevel> => {
  const entries = Object.entries(permissions);
  if (entries.length > MAX_KEY_RESOURCES) throw validationError('permissions', `a key names at most ${MAX_KEY_RESOURCES} resources`);
  for (const [resource, level] of entries) {
    // `*` stands for every resource type (product.md section 2).
    if (!isLevelResource(resource)) throw validationError(`permissions.${resource}`, 'a resource name is * or lowercase letters, digits and _');
    if (!isAccessLevel(level)) throw validationError(`permissions.${resource}`, 'a permission level is none, read or write');
  }
  return Object.fromEntries(entries);
};

/**
 * Fails closed (product.md section 2): a key is unrestricted only when asked for with
 * `unrestricted: true`, or when nothing about its access is named at all. Naming `roles` or
 * `permissions`, even empty or all `none`, makes it restricted to exactly what was named;
 * naming them beside `unrestricted: true` contradicts it and is refused.
 */
export const validAccess = (command: Pick<CreateKey, 'roles' | 'permissions' | 'unrestricted'>): KeyAccess => {
  const named = command.roles !== undefined || command.permissions !== undefined;
  const roles = validRoles(command.roles ?? []);
  const permissions = validPermissions(command.permissions ?? {});
  if (command.unrestricted === true && named) {
    throw validationError('unrestricted', 'an unrestricted key cannot also name roles or permissions');
  }
  return { roles, permissions, unrestricted: command.unrestricted ?? !named };
};

/** A whole number of seconds from 0 to 7 days. */
export const validGracePeriod = (seconds: number): number => {
  if (!Number.isInteger(seconds) || seconds < 0 || seconds > MAX_GRACE_PERIOD_SECONDS) {
    throw validationError('gracePeriodSeconds', `gracePeriodSeconds must be an integer from 0 to ${MAX_GRACE_PERIOD_SECONDS}`);
  }
  return seconds;
};

/**
 * The caller generates secrets; one of another environment would let a test key verify as live.
 * That is a fault of the caller, not of the request.
 */
export const assertSecretOf = (environment: KeyEnvironment, secret: StoredSecret): void => {
  if (!secret.prefix.startsWith(`kw_${environment}_`)) {
    throw new DomainError(ErrorCodes.internal, `the new secret is not a ${environment} secret`);
  }
};
