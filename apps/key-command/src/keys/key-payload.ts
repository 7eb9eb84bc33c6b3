import { ErrorCodes, type AccessLevel, type KeyEnvironment, type ResourcePermissions } from '@keyward/contracts';
import { ACCESS_LEVELS, DomainError, isKeyId } from '@keyward/domain';
import { asObject, asString } from '../commands/command-payload';

const invalid = (field: string, message: string): DomainError => new DomainError(ErrorCodes.validationFailed, message, field);

export const asEnvironment = (value: unknown): KeyEnvironment => {
  if (value === 'live' || value === 'test') return value;
  throw invalid('environment', 'environment must be live or test');
};

export const asExpiry = (value: unknown): string | null => {
  if (value === null || value === undefined) return null;
  if (typeof value !== 'string') throw invalid('expiresAt', 'expiresAt must be an ISO 8601 date-time or null');
  return value;
};

export const asPermissions = (value: unknown): ResourcePermissions => {
  const o = asObject(value, 'permissions');
  const out: Record<string, AccessLevel> = {};
  for (const [resource, level] of Object.entries(o)) {
    if (!ACCESS_LEVELS.includes(level as AccessLevel)) throw invalid(`permissions.${resource}`, 'a permission level is none, read or write');
    out[resource] = level as AccessLevel;
  }
  return out;
};

/** A malformed id can name no key, so it is answered as an unknown one. */
export const asKeyId = (value: unknown): string => {
  if (isKeyId(value)) return value;
  throw new DomainError(ErrorCodes.keyNotFound, 'no such key');
};

/** The instance a share names; the domain checks its form against the catalogue. */
export const asShareTarget = (p: Readonly<Record<string, unknown>>): { resource: string; resourceId: string } => ({
  resource: asString(p.resource, 'resource', 200),
  resourceId: asString(p.resourceId, 'resourceId', 200),
});
