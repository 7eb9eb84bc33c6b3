import type { DomainEvent } from './domain-event';

/** Built-in roles exist in every workspace under these ids, with no stream (product.md section 2). */
export const BuiltInRoleIds = ['admin', 'read-only'] as const;
export type BuiltInRoleId = (typeof BuiltInRoleIds)[number];

export interface RoleCreatedData {
  /** Unique across workspaces (`role_…`), so a role stream never needs the workspace in its name. */
  readonly roleId: string;
  readonly workspaceId: string;
  readonly name: string;
  readonly description: string;
  /** Permission strings, `<resource>:<read|write>`, `*:<action>` or shares `<resource>/<id>:<action>`. */
  readonly permissions: readonly string[];
  readonly createdAt: string;
}

/** The role's whole new definition: name and description travel with its permissions. */
export interface RolePermissionsChangedData {
  readonly roleId: string;
  readonly workspaceId: string;
  readonly name: string;
  readonly description: string;
  readonly permissions: readonly string[];
  readonly changedAt: string;
}

export interface RoleDeletedData {
  readonly roleId: string;
  readonly workspaceId: string;
  readonly deletedAt: string;
}

export type RoleCreated = DomainEvent<'RoleCreated', RoleCreatedData>;
export type RolePermissionsChanged = DomainEvent<'RolePermissionsChanged', RolePermissionsChangedData>;
export type RoleDeleted = DomainEvent<'RoleDeleted', RoleDeletedData>;

export type RoleEvent = RoleCreated | RolePermissionsChanged | RoleDeleted;
export const RoleEventTypes: readonly RoleEvent['type'][] = ['RoleCreated', 'RolePermissionsChanged', 'RoleDeleted'];

export const roleStreamId = (roleId: string): string => `role-${roleId}`;
