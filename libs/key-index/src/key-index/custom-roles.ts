import { parseGrants, type Permission } from '@keyward/domain';
import type { IndexRoleEvent } from './index-event.parser';

/**
 * A role is known by (workspace, role id): a key may only use its own workspace's roles, so the
 * same id in two workspaces is two roles. Built-in roles are not here: the domain resolves them.
 */
export const roleGroup = (workspaceId: string, roleId: string): string => `${workspaceId}/${roleId}`;

/**
 * Custom role definitions. A role's grants are parsed once, by the domain, into one array that
 * every key holding the role reads: no key carries a copy.
 */
export class CustomRoles {
  private readonly grants = new Map<string, readonly Permission[]>();

  grantsOf(workspaceId: string, roleId: string): readonly Permission[] | undefined {
    return this.grants.get(roleGroup(workspaceId, roleId));
  }

  /** Applies a role event; answers the role's group, whose holders must be recomputed. */
  apply(event: IndexRoleEvent): string {
    const group = roleGroup(event.data.workspaceId, event.data.roleId);
    // A deleted role is gone: its holders keep its id, but it grants nothing and is not listed.
    if (event.type === 'RoleDeleted') this.grants.delete(group);
    else this.grants.set(group, parseGrants(event.data.permissions));
    return group;
  }
}
