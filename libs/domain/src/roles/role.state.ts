import type { Permission } from '../permissions/permission';

export interface ExistingRole {
  readonly status: 'active' | 'deleted';
  readonly roleId: string;
  readonly workspaceId: string;
  readonly name: string;
  readonly description: string;
  readonly permissions: readonly string[];
  /** The same permissions, parsed once. */
  readonly grants: readonly Permission[];
}

export type RoleState = { readonly status: 'absent' } | ExistingRole;
export const initialRoleState: RoleState = { status: 'absent' };
