import type { KeyAccess } from '@keyward/domain';

/** Past this many distinct shapes the cache starts over: keys keep theirs, new ones just share less. */
const MAX_INTERNED = 10_000;

/**
 * Hands out one shared, frozen KeyAccess per distinct access: most keys of an install hold one of
 * a few shapes (unrestricted, read-only, a role or two), so 100,000 keys do not carry 100,000
 * copies of the same roles, permissions and shares. Shared objects are never changed: the domain's
 * `evolveKeyAccess` answers a new object, which is interned in turn.
 */
export class KeyAccesses {
  private readonly interned = new Map<string, KeyAccess>();

  intern(access: KeyAccess): KeyAccess {
    const shares = access.shares ?? [];
    // JSON keeps the parts apart: a role id with a comma in it cannot pass for two roles.
    const signature = JSON.stringify([access.unrestricted, access.roles, access.permissions, shares]);
    const known = this.interned.get(signature);
    if (known) return known;
    if (this.interned.size >= MAX_INTERNED) this.interned.clear();
    const copy: KeyAccess = Object.freeze({
      unrestricted: access.unrestricted,
      roles: Object.freeze([...access.roles]),
      permissions: Object.freeze({ ...access.permissions }),
      shares: Object.freeze(shares.map((s) => Object.freeze({ ...s }))),
    });
    this.interned.set(signature, copy);
    return copy;
  }
}
