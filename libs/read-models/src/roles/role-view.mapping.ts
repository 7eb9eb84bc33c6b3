import { BuiltInRoleIds, type BuiltInRoleId, type RoleView } from '@keyward/contracts';
import { BuiltInRoleGrants, formatPermission } from '@keyward/domain';
import type { RoleRow } from './role-row.entity';

const BUILT_IN_TEXT: Readonly<Record<BuiltInRoleId, { readonly name: string; readonly description: string }>> = {
  admin: { name: 'Admin', description: 'Everything' },
  'read-only': { name: 'Read-only', description: 'Read everything' },
};

/** A built-in role as shown in `workspaceId`: its grants are the domain's, so the list never disagrees with what a key gets. */
export const builtInRoleView = (workspaceId: string, id: BuiltInRoleId): RoleView => ({
  id,
  workspaceId,
  ...BUILT_IN_TEXT[id],
  permissions: BuiltInRoleGrants[id].map(formatPermission),
  builtIn: true,
  createdAt: null,
  updatedAt: null,
});

/** Both built-in roles, `admin` first. */
export const builtInRoleViews = (workspaceId: string): RoleView[] => BuiltInRoleIds.map((id) => builtInRoleView(workspaceId, id));

export const toRoleView = (row: RoleRow): RoleView => ({
  id: row.id,
  workspaceId: row.workspaceId,
  name: row.name,
  description: row.description,
  permissions: row.permissions,
  builtIn: false,
  createdAt: row.createdAt.toISOString(),
  updatedAt: row.updatedAt.toISOString(),
});
