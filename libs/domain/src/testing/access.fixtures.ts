import type { Plan, WorkspaceSettings } from '@keyward/contracts';
import type { AccessPolicy } from '../access/access-policy';
import { parsePermission, type Permission } from '../permissions/permission';
import { entitlementsOf } from '../workspaces/plan-entitlements';
import { defaultWorkspaceSettings } from '../workspaces/workspace-settings';

export const permission = (text: string): Permission => {
  const parsed = parsePermission(text);
  if (!parsed) throw new Error(`test permission ${text} does not parse`);
  return parsed;
};

export const permissions = (...texts: string[]): Permission[] => texts.map(permission);

/** Custom roles the fixtures' workspace has. */
export const CUSTOM_ROLES: Readonly<Record<string, readonly Permission[]>> = {
  custom: permissions('files:write'),
  caller: permissions('calls:write', 'contacts:read'),
};

export interface PolicyOptions {
  readonly authority?: readonly string[];
  readonly operator?: boolean;
  readonly plan?: Plan;
  readonly settings?: Partial<WorkspaceSettings>;
}

/** An admin caller in an enterprise workspace with the default catalogue, unless told otherwise. */
export const accessPolicy = (options: PolicyOptions = {}): AccessPolicy => {
  const plan = options.plan ?? 'enterprise';
  return {
    authority: permissions(...(options.authority ?? ['*:write'])),
    operator: options.operator ?? false,
    workspace: { plan, entitlements: entitlementsOf(plan), settings: { ...defaultWorkspaceSettings(), ...options.settings } },
    roleGrants: (roleId) => CUSTOM_ROLES[roleId],
  };
};
