import { BuiltInRoleIds, ErrorCodes, type Subjects, type CommandReply, type RoleEvent, type RoleResult } from '@keyward/contracts';
import { DomainError, isRoleId, rolePermissionList, textInput, type RoleState } from '@keyward/domain';
import type { CommandParser } from '../commands/command-endpoint.decorator';
import type { Handled } from '../commands/command.handler';
import { asCommandContext, asObject, optional } from '../commands/command-payload';

type S = typeof Subjects.roleCommand;

/** A malformed id can name no role, so it is answered as an unknown one; built-ins pass, for the domain to refuse. */
export const asRoleId = (value: unknown): string => {
  if (isRoleId(value) || BuiltInRoleIds.includes(value as never)) return value as string;
  throw new DomainError(ErrorCodes.roleNotFound, 'no such role');
};

export const parseCreateRole: CommandParser<S['create']> = (payload) => {
  const p = asObject(payload, 'command');
  return {
    context: asCommandContext(p.context),
    name: textInput(p.name, 'name'),
    description: optional(p.description, (v) => textInput(v, 'description')),
    permissions: rolePermissionList(p.permissions),
  };
};

export const parseUpdateRole: CommandParser<S['update']> = (payload) => {
  const p = asObject(payload, 'command');
  return {
    context: asCommandContext(p.context),
    roleId: asRoleId(p.roleId),
    name: optional(p.name, (v) => textInput(v, 'name')),
    description: optional(p.description, (v) => textInput(v, 'description')),
    permissions: optional(p.permissions, rolePermissionList),
  };
};

export const parseDeleteRole: CommandParser<S['delete']> = (payload) => {
  const p = asObject(payload, 'command');
  return { context: asCommandContext(p.context), roleId: asRoleId(p.roleId) };
};

/** What a role write answers: the role as it is now. */
export const roleReply = ({ state, position }: Handled<RoleState, RoleEvent>): CommandReply<RoleResult> => {
  if (state.status !== 'active') throw new Error('a role write left the role inactive');
  return { ok: true, position, result: { id: state.roleId, workspaceId: state.workspaceId, name: state.name, description: state.description, permissions: state.permissions } };
};
