import { ErrorCodes, type Share } from '@keyward/contracts';
import { assertInCatalogue, requireEntitlement, type AccessPolicy } from '../access/access-policy';
import { DomainError, validationError } from '../domain.error';
import { isBuiltInRole, type KeyAccess } from '../permissions/effective-grants';
import { isPermissionAction, isResourceName, isResourceInstance } from '../permissions/permission';

/** Roles named by a request must exist in the caller's workspace; custom ones need a plan that has them. */
export const assertRolesUsable = (policy: AccessPolicy, roles: readonly string[]): void => {
  for (const role of roles) {
    if (!isBuiltInRole(role) && policy.roleGrants(role) === undefined) throw new DomainError(ErrorCodes.roleNotFound, `no role ${role} in this workspace`, 'roles');
  }
  if (roles.some((role) => !isBuiltInRole(role))) requireEntitlement(policy.workspace, 'customRoles', 'custom roles');
};

export const assertPermissionsUsable = (policy: AccessPolicy, access: KeyAccess): void => {
  for (const resource of Object.keys(access.permissions)) assertInCatalogue(policy.workspace.settings, resource, `permissions.${resource}`);
  if (!access.unrestricted) requireEntitlement(policy.workspace, 'restrictedKeys', 'restricted keys');
};

export const validShare = (policy: AccessPolicy, resource: string, resourceId: string, access: string): Share => {
  if (!isResourceName(resource)) throw validationError('resource', 'a resource name is lowercase letters, digits and _');
  assertInCatalogue(policy.workspace.settings, resource, 'resource');
  if (!isResourceInstance(resourceId)) throw validationError('resourceId', 'a resource id is 1 to 128 letters, digits, _, . or -');
  if (!isPermissionAction(access)) throw validationError('access', 'access is read or write');
  requireEntitlement(policy.workspace, 'shares', 'shares');
  return { resource, resourceId, access };
};
