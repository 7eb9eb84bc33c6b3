import type { KeyAccess } from '@keyward/domain';
import { Interner } from './interner';

/**
 * Hands out one shared, frozen KeyAccess per distinct access (unrestricted, read-only, a role or
 * two, …). Shared objects are never changed: the domain's `evolveKeyAccess` answers a new object,
 * which is interned in turn.
 */
export class KeyAccesses {
  private readonly interner = new Interner<KeyAccess>();

  intern(access: KeyAccess): KeyAccess {
    const shares = access.shares ?? [];
    // JSON keeps the parts apart: a role id with a comma in it cannot pass for two roles.
    const signature = JSON.stringify([access.unrestricted, access.roles, access.permissions, shares]);
    return this.interner.intern(signature, () =>
      Object.freeze({
        unrestricted: access.unrestricted,
        roles: Object.freeze([...access.roles]),
        permissions: Object.freeze({ ...access.permissions }),
        shares: Object.freeze(shares.map((s) => Object.freeze({ ...s }))),
      }),
    );
  }
}
