import type { DataSource } from 'typeorm';
import type { RoleView } from '@keyward/contracts';
import { isBuiltInRole } from '@keyward/domain';
import { RoleRow } from './role-row.entity';
import { builtInRoleView, builtInRoleViews, toRoleView } from './role-view.mapping';

/** Reads of a workspace's roles: the built-ins, which every workspace has, and its custom roles. */
export class RoleQueries {
  constructor(private readonly dataSource: DataSource) {}

  /** The built-in roles first, then custom roles in order of creation. */
  async list(workspaceId: string): Promise<RoleView[]> {
    const rows = await this.dataSource.getRepository(RoleRow).find({ where: { workspaceId }, order: { createdAt: 'ASC', id: 'ASC' } });
    return [...builtInRoleViews(workspaceId), ...rows.map(toRoleView)];
  }

  /** `undefined` for an unknown role and for another workspace's, alike. */
  async get(workspaceId: string, roleId: string): Promise<RoleView | undefined> {
    if (isBuiltInRole(roleId)) return builtInRoleView(workspaceId, roleId);
    const row = await this.dataSource.getRepository(RoleRow).findOneBy({ workspaceId, id: roleId });
    return row ? toRoleView(row) : undefined;
  }
}
