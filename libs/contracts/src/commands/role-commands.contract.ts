import type { CommandContext } from './command-context';

export interface CreateRoleRequest {
  readonly context: CommandContext;
  readonly name: string;
  readonly description?: string;
  readonly permissions: readonly string[];
}

/** Fields left out keep their value. */
export interface UpdateRoleRequest {
  readonly context: CommandContext;
  readonly roleId: string;
  readonly name?: string;
  readonly description?: string;
  readonly permissions?: readonly string[];
}

export interface DeleteRoleRequest {
  readonly context: CommandContext;
  readonly roleId: string;
}

export interface RoleResult {
  readonly id: string;
  readonly workspaceId: string;
  readonly name: string;
  readonly description: string;
  readonly permissions: readonly string[];
}

export interface DeleteRoleResult {
  readonly id: string;
  readonly deletedAt: string;
}
