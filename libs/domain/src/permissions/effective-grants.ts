import type { BuiltInRoleId, Entitlements, ResourcePermissions, Share } from '@keyward/contracts';
import { formatPermission, type Permission } from './permission';

/** Built-in roles exist in every workspace under these ids (product.md section 2). */
export const BuiltInRoleGrants: Readonly<Record<BuiltInRoleId, readonly Permission[]>> = {
  admin: [{ resource: '*', action: 'write' }],
  'read-only': [{ resource: '*', action: 'read' }],
};

export const isBuiltInRole = (roleId: string): roleId is BuiltInRoleId => Object.hasOwn(BuiltInRoleGrants, roleId);

export interface KeyAccess {
  readonly unrestricted: boolean;
  readonly roles: readonly string[];
  readonly permissions: ResourcePermissions;
  readonly shares?: readonly Share[];
}

/** Looks a custom role up by id; `undefined` for one that does not exist (it grants nothing). */
export type RoleGrants = (roleId: string) => readonly Permission[] | undefined;

/** A share as the permission it grants: one instance of a resource. */
export const shareGrant = (share: Share): Permission => ({ resource: share.resource, instance: share.resourceId, action: share.access });

/**
 * The union of everything a key holds: unrestricted access, its roles, its per-resource levels
 * and its shares. With `entitlements`, what the workspace's plan does not include grants nothing,
 * so a downgrade takes effect at once.
 */
export const effectiveGrants = (access: KeyAccess, roleGrants: RoleGrants = () => undefined, entitlements?: Entitlements): Permission[] => {
  if (access.unrestricted) return [...BuiltInRoleGrants.admin];
  const grants: Permission[] = [];
  for (const role of access.roles) {
    if (isBuiltInRole(role)) grants.push(...BuiltInRoleGrants[role]);
    else if (entitlements?.customRoles !== false) grants.push(...(roleGrants(role) ?? []));
  }
  for (const [resource, level] of Object.entries(access.permissions)) {
    if (level !== 'none') grants.push({ resource, action: level });
  }
  if (entitlements?.shares !== false) for (const share of access.shares ?? []) grants.push(shareGrant(share));
  return grants;
};

/**
 * The roles a key's answers list: those that grant something under the plan (built-ins, and
 * custom roles that exist and the plan includes), each once; none for an unrestricted key.
 */
export const heldRoles = (access: KeyAccess, roleGrants: RoleGrants, entitlements: Entitlements): string[] =>
  access.unrestricted
    ? []
    : access.roles.filter((r, i) => access.roles.indexOf(r) === i && (isBuiltInRole(r) || (entitlements.customRoles && roleGrants(r) !== undefined)));

/** Grants as the answers list them, without repeats. */
export const permissionNames = (grants: readonly Permission[]): string[] => [...new Set(grants.map(formatPermission))];
