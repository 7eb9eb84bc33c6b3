import { ErrorCodes, Plans, RateLimitWhenUnreachableChoices, type Plan, type RateLimitWhenUnreachable, type ResourceType, type WorkspaceSettings } from '@keyward/contracts';
import { DomainError, validationError } from '../domain.error';
import { isResourceName } from '../permissions/permission';
import { CONTROL_CHARACTER, validName } from '../names';
import { isStorableText } from '../text/untrusted-input';
import { MANAGEMENT_RESOURCES } from './resource-catalogue';

export const MAX_CATALOGUE_SIZE = 200;
export const MAX_GROUP_LENGTH = 100;
export const MIN_STALE_AFTER_DAYS = 1;
/** Ten years. */
export const MAX_STALE_AFTER_DAYS = 3650;

export const validWorkspaceName = (raw: string): string => validName(raw, 'name');

export const validPlan = (plan: unknown): Plan => {
  if (!Plans.includes(plan as Plan)) throw validationError('plan', `plan must be one of ${Plans.join(', ')}`);
  return plan as Plan;
};

export const assertOperator = (operator: boolean, what: string): void => {
  if (!operator) throw new DomainError(ErrorCodes.forbidden, `only the operator (root key) may ${what}`);
};

/** Untrusted input as a settings change (where a command is parsed): each field left out keeps its value. */
export const validSettingsChange = (raw: Readonly<Record<string, unknown>>): Partial<WorkspaceSettings> => {
  const { keyPermissionsImmutable, resourceCatalogue, staleAfterDays, rateLimitWhenUnreachable, revokeLeakedKeys } = raw;
  if (keyPermissionsImmutable !== undefined && typeof keyPermissionsImmutable !== 'boolean') {
    throw validationError('settings.keyPermissionsImmutable', 'keyPermissionsImmutable must be true or false');
  }
  if (revokeLeakedKeys !== undefined && typeof revokeLeakedKeys !== 'boolean') {
    throw validationError('settings.revokeLeakedKeys', 'revokeLeakedKeys must be true or false');
  }
  return {
    ...(keyPermissionsImmutable === undefined ? {} : { keyPermissionsImmutable }),
    ...(revokeLeakedKeys === undefined ? {} : { revokeLeakedKeys }),
    ...(resourceCatalogue === undefined ? {} : { resourceCatalogue: validCatalogue(resourceCatalogue) }),
    ...(staleAfterDays === undefined ? {} : { staleAfterDays: validStaleAfterDays(staleAfterDays) }),
    ...(rateLimitWhenUnreachable === undefined ? {} : { rateLimitWhenUnreachable: validRateLimitWhenUnreachable(rateLimitWhenUnreachable) }),
  };
};

export const validStaleAfterDays = (value: unknown): number => {
  if (!Number.isInteger(value) || (value as number) < MIN_STALE_AFTER_DAYS || (value as number) > MAX_STALE_AFTER_DAYS) {
    throw validationError('settings.staleAfterDays', `staleAfterDays must be an integer from ${MIN_STALE_AFTER_DAYS} to ${MAX_STALE_AFTER_DAYS}`);
  }
  return value as number;
};

export const validRateLimitWhenUnreachable = (value: unknown): RateLimitWhenUnreachable => {
  if (!RateLimitWhenUnreachableChoices.includes(value as RateLimitWhenUnreachable)) {
    throw validationError('settings.rateLimitWhenUnreachable', `rateLimitWhenUnreachable must be one of ${RateLimitWhenUnreachableChoices.join(', ')}`);
  }
  return value as RateLimitWhenUnreachable;
};

/** Unique resource names of the catalogue grammar, each in a named group; the management resources stay. */
export const validCatalogue = (catalogue: unknown): ResourceType[] => {
  if (!Array.isArray(catalogue) || catalogue.length > MAX_CATALOGUE_SIZE) {
    throw validationError('settings.resourceCatalogue', `resourceCatalogue must be a list of at most ${MAX_CATALOGUE_SIZE} resource types`);
  }
  const seen = new Set<string>();
  const valid = catalogue.map((entry: unknown, i): ResourceType => {
    const field = `settings.resourceCatalogue[${i}]`;
    const { resource, group } = (typeof entry === 'object' && entry !== null ? entry : {}) as Record<string, unknown>;
    if (typeof resource !== 'string' || !isResourceName(resource)) throw validationError(`${field}.resource`, 'a resource name is lowercase letters, digits and _');
    if (seen.has(resource)) throw validationError(`${field}.resource`, `${resource} is listed twice`);
    seen.add(resource);
    if (typeof group !== 'string' || group.trim().length === 0 || group.length > MAX_GROUP_LENGTH || CONTROL_CHARACTER.test(group) || !isStorableText(group)) {
      throw validationError(`${field}.group`, `a group is 1 to ${MAX_GROUP_LENGTH} characters without control characters`);
    }
    return { resource, group: group.trim() };
  });
  const missing = MANAGEMENT_RESOURCES.filter((r) => !seen.has(r));
  if (missing.length > 0) throw validationError('settings.resourceCatalogue', `the catalogue must keep the management resources: ${missing.join(', ')}`);
  return valid;
};
