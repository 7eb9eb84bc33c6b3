import { formatPermission, type Permission } from '@keyward/domain';

/** What a key may do, precomputed for the verify answer. */
export interface GrantSet {
  /** The roles that count: built-ins, and custom roles that exist and the plan includes. */
  readonly roles: readonly string[];
  readonly grants: readonly Permission[];
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
    const signature = `${roles.join(',')}|${permissions.join(',')}`;
    const known = this.interned.get(signature);
    if (known) return known;
    if (this.interned.size >= MAX_INTERNED) this.interned.clear();
    const set: GrantSet = { roles, grants, permissions };
    this.interned.set(signature, set);
    return set;
  }
}
