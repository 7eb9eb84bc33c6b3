import { ErrorCodes, type RoleEvent } from '@keyward/contracts';
import { assertWithinAuthority, requireEntitlement } from '../access/access-policy';
import { DomainError } from '../domain.error';
import { validDescription, validName } from '../names';
import { isBuiltInRole } from '../permissions/effective-grants';
import { formatPermission } from '../permissions/permission';
import type { CreateRole, DeleteRole, RoleCommand, UpdateRole } from './role.commands';
import { MAX_ROLE_DESCRIPTION_LENGTH, validRolePermissions } from './role-rules';
import type { ExistingRole, RoleState } from './role.state';

/** Another workspace's role answers exactly like an unknown one; built-ins are nobody's to change. */
const existingRole = (state: RoleState, command: UpdateRole | DeleteRole): ExistingRole => {
  if (isBuiltInRole(command.roleId)) throw new DomainError(ErrorCodes.conflict, `the built-in role ${command.roleId} cannot be changed`);
  if (state.status !== 'active' || state.roleId !== command.roleId || state.workspaceId !== command.workspaceId) {
    throw new DomainError(ErrorCodes.roleNotFound, 'no such role');
  }
  return state;
};

const createRole = (command: CreateRole, state: RoleState, now: Date): RoleEvent[] => {
  requireEntitlement(command.policy.workspace, 'customRoles', 'custom roles');
  const name = validName(command.name, 'name');
  const description = validDescription(command.description, 'description', MAX_ROLE_DESCRIPTION_LENGTH);
  const grants = validRolePermissions(command.permissions, command.policy.workspace);
  assertWithinAuthority(command.policy.authority, grants);
  if (state.status !== 'absent') throw new DomainError(ErrorCodes.conflict, 'a role with this id exists already');
  return [
    {
      type: 'RoleCreated',
      data: { roleId: command.roleId, workspaceId: command.workspaceId, name, description, permissions: grants.map(formatPermission), createdAt: now.toISOString() },
    },
  ];
};

/** Editing a role changes every key holding it, so its new permissions must be within the caller's. */
const updateRole = (command: UpdateRole, state: RoleState, now: Date): RoleEvent[] => {
  const role = existingRole(state, command);
  requireEntitlement(command.policy.workspace, 'customRoles', 'custom roles');
  const name = command.name === undefined ? role.name : validName(command.name, 'name');
  const description = command.description === undefined ? role.description : validDescription(command.description, 'description', MAX_ROLE_DESCRIPTION_LENGTH);
  const grants = command.permissions === undefined ? role.grants : validRolePermissions(command.permissions, command.policy.workspace);
  assertWithinAuthority(command.policy.authority, grants);
  const permissions = grants.map(formatPermission);
  if (name === role.name && description === role.description && JSON.stringify(permissions) === JSON.stringify(role.permissions)) return [];
  return [{ type: 'RolePermissionsChanged', data: { roleId: role.roleId, workspaceId: role.workspaceId, name, description, permissions, changedAt: now.toISOString() } }];
};

/** Keys holding a deleted role keep its id but it grants nothing; deleting needs no plan, so a downgraded workspace can clean up. */
const deleteRole = (command: DeleteRole, state: RoleState, now: Date): RoleEvent[] => {
  const role = existingRole(state, command);
  return [{ type: 'RoleDeleted', data: { roleId: role.roleId, workspaceId: role.workspaceId, deletedAt: now.toISOString() } }];
};

/** Decides a role command against the role's state (stream `role-<id>`). */
export const decideRole = (command: RoleCommand, state: RoleState, now: Date): RoleEvent[] => {
  switch (command.type) {
    case 'CreateRole':
      return createRole(command, state, now);
    case 'UpdateRole':
      return updateRole(command, state, now);
    case 'DeleteRole':
      return deleteRole(command, state, now);
  }
};
