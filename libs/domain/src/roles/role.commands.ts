import type { AccessPolicy } from '../access/access-policy';

export interface CreateRole {
  readonly type: 'CreateRole';
  readonly roleId: string;
  readonly workspaceId: string;
  readonly name: string;
  readonly description?: string;
  /** Permission strings, as the caller wrote them; parsed against the workspace's catalogue when deciding. */
  readonly permissions: readonly string[];
  readonly policy: AccessPolicy;
}

/** Fields left out keep their value. */
export interface UpdateRole {
  readonly type: 'UpdateRole';
  readonly roleId: string;
  readonly workspaceId: string;
  readonly name?: string;
  readonly description?: string;
  readonly permissions?: readonly string[];
  readonly policy: AccessPolicy;
}

export interface DeleteRole {
  readonly type: 'DeleteRole';
  readonly roleId: string;
  readonly workspaceId: string;
}

export type RoleCommand = CreateRole | UpdateRole | DeleteRole;
