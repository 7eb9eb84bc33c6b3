import { permissionNames, type Permission } from '@keyward/domain';
import { Interner } from './interner';

/** What a key may do, precomputed for the verify answer. */
export interface GrantSet {
  /** The roles that count: built-ins, and custom roles that exist and the plan includes. */
  readonly roles: readonly string[];
  /** What `require` is matched against, with the domain's evaluator. */
  readonly grants: readonly Permission[];
  /** The same grants as the answer lists them, without repeats. */
  readonly permissions: readonly string[];
}

/** Hands out one shared GrantSet per distinct result (admin, read-only, a handful of roles). */
export class GrantSets {
  private readonly interner = new Interner<GrantSet>();

  of(roles: readonly string[], grants: readonly Permission[]): GrantSet {
    const permissions = permissionNames(grants);
    // JSON keeps roles and permissions apart, whatever characters a role id holds.
    return this.interner.intern(JSON.stringify([roles, permissions]), () =>
      Object.freeze({ roles: Object.freeze([...roles]), grants: Object.freeze([...grants]), permissions: Object.freeze(permissions) }),
    );
  }
}
