import { BuiltInRoleIds, ErrorCodes } from '@keyward/contracts';
import { DomainError, isRoleId, type ExistingRole } from '@keyward/domain';
import type { RoleResult } from '@keyward/contracts';

/** A malformed id can name no role, so it is answered as an unknown one; built-ins pass, for the domain to refuse. */
export const asRoleId = (value: unknown): string => {
  if (isRoleId(value) || BuiltInRoleIds.includes(value as never)) return value as string;
  throw new DomainError(ErrorCodes.roleNotFound, 'no such role');
};

export const roleResult = (role: ExistingRole): RoleResult => ({
  id: role.roleId,
  workspaceId: role.workspaceId,
  name: role.name,
  description: role.description,
  permissions: role.permissions,
});
