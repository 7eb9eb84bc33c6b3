import type { RoleEvent } from '@keyward/contracts';
import { isBuiltInRole, parseGrants, type Permission } from '@keyward/domain';

/** Role ids are unique across workspaces, but a key may only use its own workspace's roles. */
const roleKey = (workspaceId: string, roleId: string): string => `${workspaceId}/${roleId}`;

/**
 * Custom role definitions by (workspace, role), and which keys hold each, so that a role edit
 * recomputes exactly its holders. A role's parsed grants are one array, shared by every holder.
 */
export class RoleGrants<Holder> {
  private readonly grants = new Map<string, readonly Permission[]>();
  private readonly holders = new Map<string, Set<Holder>>();

  grantsOf(workspaceId: string, roleId: string): readonly Permission[] | undefined {
    return this.grants.get(roleKey(workspaceId, roleId));
  }

  /** Registers `holder` under its custom roles (built-ins never change, so need no holders). */
  hold(holder: Holder, workspaceId: string, roles: readonly string[]): void {
    for (const roleId of roles) {
      if (isBuiltInRole(roleId)) continue;
      const key = roleKey(workspaceId, roleId);
      let set = this.holders.get(key);
      if (!set) this.holders.set(key, (set = new Set()));
      set.add(holder);
    }
  }

  release(holder: Holder, workspaceId: string, roles: readonly string[]): void {
    for (const roleId of roles) {
      const key = roleKey(workspaceId, roleId);
      const set = this.holders.get(key);
      set?.delete(holder);
      if (set?.size === 0) this.holders.delete(key);
    }
  }

  /** Applies a role event; answers the keys whose grants it changes. */
  apply(event: RoleEvent): Iterable<Holder> {
    const { workspaceId, roleId } = event.data;
    const key = roleKey(workspaceId, roleId);
    if (event.type === 'RoleDeleted') this.grants.delete(key);
    else this.grants.set(key, parseGrants(event.data.permissions));
    return this.holders.get(key) ?? [];
  }
}
