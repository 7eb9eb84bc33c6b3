import type { ResourcePermissions } from '@keyward/contracts';
import type { Permission } from './permission';

/** Built-in roles exist in every workspace under these ids (product.md section 2). */
export const BuiltInRoleGrants: Readonly<Record<string, readonly Permission[]>> = {
  admin: [{ resource: '*', action: 'write' }],
  'read-only': [{ resource: '*', action: 'read' }],
};

export interface KeyAccess {
  readonly unrestricted: boolean;
  readonly roles: readonly string[];
  readonly permissions: ResourcePermissions;
}

/** Looks a role up by id; built-ins are found without it. Unknown roles grant nothing. */
export type RoleGrants = (roleId: string) => readonly Permission[] | undefined;

/** The union of everything a key holds: unrestricted access, its roles, its per-resource levels. */
export const effectiveGrants = (access: KeyAccess, roleGrants: RoleGrants = () => undefined): Permission[] => {
  if (access.unrestricted) return [...BuiltInRoleGrants.admin];
  const grants: Permission[] = [];
  for (const role of access.roles) grants.push(...(BuiltInRoleGrants[role] ?? roleGrants(role) ?? []));
  for (const [resource, level] of Object.entries(access.permissions)) {
    if (level !== 'none') grants.push({ resource, action: level });
  }
  return grants;
};
