import { MAX_REQUIRED_PERMISSIONS } from '@keyward/contracts';
import { parsePermission } from '@keyward/domain/formats';

/** What a key must hold: one permission or every one of a list, e.g. `'calls:read'`, `['contacts:write', 'workflows/wf_42:read']`. */
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

/** The requirement as a checked list (empty: any valid key); throws {@link InvalidRequirementError}. */
export const requiredPermissions = (requirement: KeyRequirement | undefined): readonly string[] => {
  if (requirement === undefined) return [];
  // Checked as unknown: JavaScript callers and computed requirements are not held to the type.
  const given: unknown = requirement;
  const list: readonly unknown[] | undefined = typeof given === 'string' ? [given] : Array.isArray(given) ? (given as readonly unknown[]) : undefined;
  if (!list) throw new InvalidRequirementError('a requirement is a permission or a list of them');
  if (list.length > MAX_REQUIRED_PERMISSIONS) throw new InvalidRequirementError(`at most ${MAX_REQUIRED_PERMISSIONS} permissions may be required at once`);
  for (const permission of list) {
    if (parsePermission(permission) === undefined) {
      // The text is the service's own, not a caller's secret: safe to name it.
      throw new InvalidRequirementError(`${JSON.stringify(permission)} is not a permission (<resource>:<read|write>, *:<action> or <resource>/<id>:<action>)`);
    }
  }
  return list as readonly string[];
};
