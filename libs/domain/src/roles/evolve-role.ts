import type { RoleEvent } from '@keyward/contracts';
import { parsePermission, type Permission } from '../permissions/permission';
import type { RoleState } from './role.state';

/** Stored permissions were validated when decided; one that no longer parses grants nothing. */
export const parseGrants = (permissions: readonly string[]): Permission[] =>
  permissions.map(parsePermission).filter((p): p is Permission => p !== undefined);

/** Folds one event into a role's state; unknown events and events before creation change nothing. */
export const evolveRole = (state: RoleState, event: RoleEvent): RoleState => {
  switch (event.type) {
    case 'RoleCreated': {
      const d = event.data;
      return { status: 'active', roleId: d.roleId, workspaceId: d.workspaceId, name: d.name, description: d.description, permissions: d.permissions, grants: parseGrants(d.permissions) };
    }
    case 'RolePermissionsChanged': {
      if (state.status === 'absent') return state;
      const d = event.data;
      return { ...state, name: d.name, description: d.description, permissions: d.permissions, grants: parseGrants(d.permissions) };
    }
    case 'RoleDeleted':
      return state.status === 'absent' ? state : { ...state, status: 'deleted' };
    default:
      return state;
  }
};
