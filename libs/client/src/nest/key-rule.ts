import { computedPermissions, InvalidRequirementError, type KeyRequirement } from '../key-requirement';
import type { KeywardRequest } from './keyward-request';

/** Computes the requirement from the request, e.g. a share on the route's id: `(req) => \`workflows/${req.params.id}:read\``; permissions only, never a query. */
export type KeyRequirementFn = (request: KeywardRequest) => KeyRequirement;

/** What `@RequireKey` stores: a requirement checked at decoration time, or a function run per request. */
export type KeyRule = KeyRequirement | KeyRequirementFn;

export const KEY_RULE = 'keyward:key-rule';

/**
 * What the request's key must satisfy: the fixed queries, or the computed permissions; or
 * `unsatisfiable` when a computed requirement is not made of permissions (say the route's id has
 * characters no share id may have, such as a space and an `OR`): no key holds such a thing.
 */
export const permissionsFor = (rule: KeyRule, request: KeywardRequest): KeyRequirement | 'unsatisfiable' => {
  if (typeof rule !== 'function') return rule;
  try {
    return computedPermissions(rule(request));
  } catch (error) {
    if (error instanceof InvalidRequirementError) return 'unsatisfiable';
    throw error;
  }
};
