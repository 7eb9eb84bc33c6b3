import { InvalidRequirementError, requiredPermissions, type KeyRequirement } from '../key-requirement';
import type { KeywardRequest } from './keyward-request';

/** Computes the requirement from the request, e.g. a share on the route's id: `(req) => \`workflows/${req.params.id}:read\``. */
export type KeyRequirementFn = (request: KeywardRequest) => KeyRequirement;

/** What `@RequireKey` stores: a list checked at decoration time, or a function run per request. */
export type KeyRule = readonly string[] | KeyRequirementFn;

export const KEY_RULE = 'keyward:key-rule';

/**
 * The permissions the request's key must hold, or `unsatisfiable` when a computed requirement is
 * not made of permissions (say the route's id has characters no share id may have): no key holds
 * such a thing.
 */
export const permissionsFor = (rule: KeyRule, request: KeywardRequest): readonly string[] | 'unsatisfiable' => {
  if (typeof rule !== 'function') return rule;
  try {
    return requiredPermissions(rule(request));
  } catch (error) {
    if (error instanceof InvalidRequirementError) return 'unsatisfiable';
    throw error;
  }
};
