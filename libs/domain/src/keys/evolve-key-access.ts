import type { KeyEvent } from '@keyward/contracts';
import type { KeyAccess } from '../permissions/effective-grants';
import { isShareOf } from './key-values';

/**
 * Folds an access event into what a key holds: roles, direct permissions, shares. The one place
 * these rules live, for the key aggregate and for every follower that keeps access (the verifier).
 * Any other event leaves the access as it was.
 */
export const evolveKeyAccess = <Access extends KeyAccess>(access: Access, event: KeyEvent): Access => {
  switch (event.type) {
    case 'RoleAssigned':
      return access.roles.includes(event.data.roleId) ? access : { ...access, roles: [...access.roles, event.data.roleId] };
    case 'RoleUnassigned':
      return { ...access, roles: access.roles.filter((r) => r !== event.data.roleId) };
    case 'KeyPermissionsChanged':
      return { ...access, permissions: event.data.permissions, unrestricted: event.data.unrestricted };
    case 'ResourceShared': {
      const { resource, resourceId, access: level } = event.data;
      const others = (access.shares ?? []).filter((s) => !isShareOf(s, resource, resourceId));
      return { ...access, shares: [...others, { resource, resourceId, access: level }] };
    }
    case 'ResourceUnshared': {
      const { resource, resourceId } = event.data;
      return { ...access, shares: (access.shares ?? []).filter((s) => !isShareOf(s, resource, resourceId)) };
    }
    default:
      return access;
  }
};
