import { ErrorCodes, RevocationReasons, type Subjects, type AccessLevel, type KeyEnvironment, type ResourcePermissions, type RevocationReason, type Share } from '@keyward/contracts';
import {
  ACCESS_LEVELS,
  DomainError,
  MAX_LEAK_SOURCE_LENGTH,
  MAX_LEAK_URL_LENGTH,
  isKeyId,
  validCredits,
  validGracePeriod,
  validIpAllowlist,
  validMeta,
  validNamedRateLimits,
  validRateLimit,
  validationError,
} from '@keyward/domain';
import type { CommandParser } from '../commands/command-endpoint.decorator';
import { asBoolean, asCommandContext, asObject, asString, asStringArray, optional, type Untrusted } from '../commands/command-payload';
import { asIdentityId } from '../identities/identity-payload';

type S = typeof Subjects.keyCommand;

export const asEnvironment = (value: unknown): KeyEnvironment => {
  if (value === 'live' || value === 'test') return value;
  throw validationError('environment', 'environment must be live or test');
};

export const asExpiry = (value: unknown): string | null => {
  if (value === null || value === undefined) return null;
  if (typeof value !== 'string') throw validationError('expiresAt', 'expiresAt must be an ISO 8601 date-time or null');
  return value;
};

export const asPermissions = (value: unknown): ResourcePermissions => {
  const o = asObject(value, 'permissions');
  const out: Record<string, AccessLevel> = {};
  for (const [resource, level] of Object.entries(o)) {
    if (!ACCESS_LEVELS.includes(level as AccessLevel)) throw validationError(`permissions.${resource}`, 'a permission level is none, read or write');
    out[resource] = level as AccessLevel;
  }
  return out;
};

/** Left out: unchanged; `null`: cleared; otherwise the domain's rule, so the bus refuses what the gateway would. */
const asClearable = <T>(value: unknown, parse: (v: unknown) => T): T | null | undefined => (value === null ? null : optional(value, parse));

/** A malformed id can name no key, so it is answered as an unknown one. */
export const asKeyId = (value: unknown): string => {
  if (isKeyId(value)) return value;
  throw new DomainError(ErrorCodes.keyNotFound, 'no such key');
};

/** The instance a share names; the domain checks its form against the catalogue. */
const asShareTarget = (p: Untrusted): { resource: string; resourceId: string } => ({
  resource: asString(p.resource, 'resource', 200),
  resourceId: asString(p.resourceId, 'resourceId', 200),
});

const asShareAccess = (value: unknown): Share['access'] => {
  if (value === 'read' || value === 'write') return value;
  throw validationError('access', 'access is read or write');
};

/** The key a command names, with who sends it. */
const keyTarget = (payload: unknown) => {
  const p = asObject(payload, 'command');
  return { p, context: asCommandContext(p.context), keyId: asKeyId(p.keyId) };
};

const keyEnd = (payload: unknown) => {
  const { context, keyId } = keyTarget(payload);
  return { context, keyId };
};

export const parseCreateKey: CommandParser<S['create']> = (payload) => {
  const p = asObject(payload, 'command');
  return {
    context: asCommandContext(p.context),
    environment: asEnvironment(p.environment),
    roles: optional(p.roles, (v) => asStringArray(v, 'roles')),
    name: asString(p.name, 'name'),
    expiresAt: asExpiry(p.expiresAt),
    permissions: optional(p.permissions, asPermissions),
    unrestricted: optional(p.unrestricted, (v) => asBoolean(v, 'unrestricted')),
    ratelimit: asClearable(p.ratelimit, validRateLimit),
    ipAllowlist: asClearable(p.ipAllowlist, validIpAllowlist),
    credits: asClearable(p.credits, validCredits),
    ratelimits: optional(p.ratelimits, validNamedRateLimits),
    meta: optional(p.meta, validMeta),
    identityId: optional(p.identityId, asIdentityId),
  };
};

export const parseUpdateKey: CommandParser<S['update']> = (payload) => {
  const { p, context, keyId } = keyTarget(payload);
  return {
    context,
    keyId,
    name: optional(p.name, (v) => asString(v, 'name')),
    expiresAt: p.expiresAt === undefined ? undefined : asExpiry(p.expiresAt),
    ratelimit: asClearable(p.ratelimit, validRateLimit),
    ipAllowlist: asClearable(p.ipAllowlist, validIpAllowlist),
    credits: asClearable(p.credits, validCredits),
    ratelimits: optional(p.ratelimits, validNamedRateLimits),
    meta: asClearable(p.meta, validMeta),
  };
};

export const parseSetKeyEnabled: CommandParser<S['setEnabled']> = (payload) => {
  const { p, context, keyId } = keyTarget(payload);
  return { context, keyId, enabled: asBoolean(p.enabled, 'enabled') };
};

export const parseRotateKey: CommandParser<S['rotate']> = (payload) => {
  const { p, context, keyId } = keyTarget(payload);
  // The domain's rule, so that a value that is no number is refused as one out of range is.
  return { context, keyId, gracePeriodSeconds: validGracePeriod(typeof p.gracePeriodSeconds === 'number' ? p.gracePeriodSeconds : Number.NaN) };
};

const asRevocationReason = (value: unknown): RevocationReason => {
  if (RevocationReasons.includes(value as RevocationReason)) return value as RevocationReason;
  throw validationError('reason', `reason is one of ${RevocationReasons.join(', ')}`);
};

export const parseRevokeKey: CommandParser<S['revoke']> = (payload) => {
  const { p, context, keyId } = keyTarget(payload);
  return { context, keyId, reason: optional(p.reason, asRevocationReason) };
};

/** Shapes only; the domain checks the report id and the lengths. */
export const parseReportKeyLeak: CommandParser<S['reportLeak']> = (payload) => {
  const { p, context, keyId } = keyTarget(payload);
  return {
    context,
    keyId,
    reportId: asString(p.reportId, 'reportId', 64),
    url: optional(p.url, (v) => asString(v, 'url', MAX_LEAK_URL_LENGTH)),
    source: optional(p.source, (v) => asString(v, 'source', MAX_LEAK_SOURCE_LENGTH)),
    secretCurrent: asBoolean(p.secretCurrent, 'secretCurrent'),
  };
};
export const parseDeleteKey: CommandParser<S['delete']> = keyEnd;

export const parseSetKeyRoles: CommandParser<S['setRoles']> = (payload) => {
  const { p, context, keyId } = keyTarget(payload);
  return { context, keyId, roles: asStringArray(p.roles, 'roles') };
};

export const parseSetKeyPermissions: CommandParser<S['setPermissions']> = (payload) => {
  const { p, context, keyId } = keyTarget(payload);
  return { context, keyId, permissions: asPermissions(p.permissions), unrestricted: optional(p.unrestricted, (v) => asBoolean(v, 'unrestricted')) };
};

export const parseShareResource: CommandParser<S['share']> = (payload) => {
  const { p, context, keyId } = keyTarget(payload);
  return { context, keyId, ...asShareTarget(p), access: asShareAccess(p.access) };
};

export const parseUnshareResource: CommandParser<S['unshare']> = (payload) => {
  const { p, context, keyId } = keyTarget(payload);
  return { context, keyId, ...asShareTarget(p) };
};
