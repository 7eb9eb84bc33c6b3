import type { KeyEvent } from '@keyward/contracts';
import { evolveKeyAccess, type KeyAccess } from '@keyward/domain';
import type { KeyRow } from './key-row.entity';

/** The columns of a key row that say what the key holds. */
export type KeyRowAccess = Pick<KeyRow, 'roles' | 'permissions' | 'restricted' | 'shares'>;

const accessOfRow = (row: KeyRowAccess): KeyAccess => ({ roles: row.roles, permissions: row.permissions, unrestricted: !row.restricted, shares: row.shares });

/**
 * Folds an access event into a row with the domain's own `evolveKeyAccess`, so the key table
 * cannot disagree with the key's history on order, repeats or replaced shares. Fresh arrays
 * and objects: the row never shares one with the event.
 */
export const evolveRowAccess = (row: KeyRowAccess, event: KeyEvent): KeyRowAccess => {
  const access = evolveKeyAccess(accessOfRow(row), event);
  return {
    roles: [...access.roles],
    permissions: { ...access.permissions },
    restricted: !access.unrestricted,
    shares: (access.shares ?? []).map(({ resource, resourceId, access: level }) => ({ resource, resourceId, access: level })),
  };
};
