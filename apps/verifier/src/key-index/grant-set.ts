import { formatPermission, type Permission } from '@keyward/domain';

/** What a key may do, precomputed for the verify answer. */
export interface GrantSet {
  /** The roles that count: built-ins, and custom roles that exist and the plan includes. */
  readonly roles: readonly string[];
  /** What `require` is matched against, with the domain's evaluator. */
  readonly grants: readonly Permission[];
  /** The same grants as the answer lists them, without repeats. */
  readonly permissions: readonly string[];
}

/** Past this many distinct sets the cache starts over: keys keep theirs, new ones just share less. */
const MAX_INTERNED = 10_000;

/**
 * Hands out one shared GrantSet per distinct access: most keys of an install share a few shapes
 * (admin, read-only, a handful of roles), so 100,000 keys do not carry 100,000 copies.
 */
export class GrantSets {
  private readonly interned = new Map<string, GrantSet>();

  of(roles: readonly string[], grants: readonly Permission[]): GrantSet {
    const permissions = [...new Set(grants.map(formatPermission))];
    // JSON keeps roles and permissions apart, whatever characters a role id holds.
    const signature = JSON.stringify([roles, permissions]);
    const known = this.interned.get(signature);
    if (known) return known;
    if (this.interned.size >= MAX_INTERNED) this.interned.clear();
    const set: GrantSet = Object.freeze({ roles: Object.freeze([...roles]), grants: Object.freeze([...grants]), permissions: Object.freeze(permissions) });
    this.interned.set(signature, set);
    return set;
  }
}
