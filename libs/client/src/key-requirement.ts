import { MAX_PERMISSION_QUERY_DEPTH, MAX_PERMISSION_QUERY_LENGTH, MAX_REQUIRED_PERMISSIONS } from '@keyward/contracts';
import { parsePermission, parsePermissionQuery } from '@keyward/domain/formats';

/**
 * What a key must hold: a permission query, e.g. `'calls:read'` or
 * `'(contacts:read OR contacts:write) AND calls:read'`, or a list of permissions that must all
 * hold, e.g. `['contacts:write', 'workflows/wf_42:read']` (a list holds no queries).
 */
export type KeyRequirement = string | readonly string[];

/**
 * A requirement that no key could meet because it is not made of permissions: a bug in the
 * calling service, so it is thrown rather than sent (the verifier would answer MALFORMED, which
 * reads as a bad key).
 */
export class InvalidRequirementError extends TypeError {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidRequirementError';
  }
}

const PERMISSION_FORM = '<resource>:<read|write>, *:<action> or <resource>/<id>:<action>';
const QUERY_FORM = `${PERMISSION_FORM}, or such permissions joined by AND and OR (upper case) with parentheses, at most ${MAX_PERMISSION_QUERY_LENGTH} characters and ${MAX_PERMISSION_QUERY_DEPTH} levels deep`;

/** Why the verifier's parser refused a requirement, for the service's developer. */
const refusal = (given: unknown): string => {
  if (typeof given === 'string') return `${JSON.stringify(given)} is not a permission query (${QUERY_FORM}), or names more than ${MAX_REQUIRED_PERMISSIONS} permissions`;
  if (!Array.isArray(given)) return 'a requirement is a permission query or a list of permissions';
  // The text is the service's own, not a caller's secret: safe to name it.
  const bad: unknown = given.find((p: unknown) => parsePermission(p) === undefined);
  if (bad !== undefined) return `${JSON.stringify(bad)} is not a permission (${PERMISSION_FORM}); a list holds permissions only, a query goes as one string`;
  return `at most ${MAX_REQUIRED_PERMISSIONS} permissions may be required at once`;
};

/**
 * The requirement as it is sent, checked by the verifier's own parser (`parsePermissionQuery`,
 * the one home of the rule): a query, or a list of permissions (empty: any valid key). Throws
 * {@link InvalidRequirementError}.
 */
export const checkedRequirement = (requirement: KeyRequirement | undefined): KeyRequirement => {
  if (requirement === undefined) return [];
  // Checked as unknown: JavaScript callers and computed requirements are not held to the type.
  const given: unknown = requirement;
  if (parsePermissionQuery(given) === undefined) throw new InvalidRequirementError(refusal(given));
  return requirement;
};

/**
 * A requirement computed from a request: permissions only, sent as a list, never a query. Text
 * from the request spliced into a query could add an `OR` of its own: `workflows/${id}:read` with
 * the id `x:read OR calls` would ask for `workflows/x:read OR calls:read`, which a key holding
 * `calls:read` meets. Throws {@link InvalidRequirementError}.
 */
export const computedPermissions = (requirement: KeyRequirement | undefined): readonly string[] => {
  const list = typeof requirement === 'string' ? [requirement] : (requirement ?? []);
  checkedRequirement(list);
  return list;
};
