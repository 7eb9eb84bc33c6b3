import { parseGrants, type Permission } from '@keyward/domain';
import type { IndexRoleEvent } from './index-event.parser';

/**
 * A role is known by (workspace, role id): a key may only use its own workspace's roles, so the
 * same id in two workspaces is two roles. Built-in roles are not here: the domain resolves them.
 */
export const roleGroup = (workspaceId: string, roleId: string): string => `${workspaceId}/${roleId}`;

interface CustomRole {
  readonly workspaceId: string;
  readonly roleId: string;
  /** As the event listed them, for a snapshot. */
  readonly permissions: readonly string[];
  readonly grants: readonly Permission[];
}

/**
 * Custom role definitions. A role's grants are parsed once, by the domain, into one array that
 * every key holding the role reads: no key carries a copy.
 */
export class CustomRoles {
  private readonly byGroup = new Map<string, CustomRole>();

  grantsOf(workspaceId: string, roleId: string): readonly Permission[] | undefined {
    return this.byGroup.get(roleGroup(workspaceId, roleId))?.grants;
  }

  /** Applies a role event; answers the role's group, whose holders must be recomputed. */
  apply(event: IndexRoleEvent): string {
    const { workspaceId, roleId } = event.data;
    const group = roleGroup(workspaceId, roleId);
    // A deleted role is gone: its holders keep its id, but it grants nothing and is not listed.
    if (event.type === 'RoleDeleted') this.byGroup.delete(group);
    else this.byGroup.set(group, { workspaceId, roleId, permissions: event.data.permissions, grants: parseGrants(event.data.permissions) });
    return group;
  }

  /** Every role that exists, as `[workspaceId, roleId, permissions]`. */
  list(): (readonly [string, string, readonly string[]])[] {
    return [...this.byGroup.values()].map((r) => [r.workspaceId, r.roleId, r.permissions] as const);
  }
}
