import { ErrorCodes, type Entitlements, type Plan, type WorkspaceSettings } from '@keyward/contracts';
import { DomainError, validationError } from '../domain.error';
import { effectiveGrants, type KeyAccess, type RoleGrants } from '../permissions/effective-grants';
import { formatPermission, type Permission } from '../permissions/permission';
import { grantCovers, holdsAll } from '../permissions/permission-evaluator';
import { entitlementsOf, planFor } from '../workspaces/plan-entitlements';
import type { ExistingWorkspace } from '../workspaces/workspace.state';

/** What a workspace allows, as decisions about access need it. */
export interface WorkspacePolicy {
  readonly plan: Plan;
  readonly entitlements: Entitlements;
  readonly settings: WorkspaceSettings;
}

export const workspacePolicyOf = (workspace: ExistingWorkspace): WorkspacePolicy => ({
  plan: workspace.plan,
  entitlements: entitlementsOf(workspace.plan),
  settings: workspace.settings,
});

/**
 * Everything a decision about access needs besides the aggregate's own state, resolved by the
 * command handler beforehand so that deciding stays pure.
 */
export interface AccessPolicy {
  /** The caller's effective permissions: no change may grant more (no privilege escalation). */
  readonly authority: readonly Permission[];
  /** The root key: may seed a workspace of any plan with its first admin key. */
  readonly operator: boolean;
  readonly workspace: WorkspacePolicy;
  /** Role definitions of the caller's workspace; `undefined` for a role that does not exist there. */
  readonly roleGrants: RoleGrants;
}

export const requireEntitlement = (policy: Pick<WorkspacePolicy, 'plan' | 'entitlements'>, entitlement: keyof Entitlements, what: string): void => {
  if (!policy.entitlements[entitlement]) {
    throw new DomainError(ErrorCodes.planUpgradeRequired, `${what} needs the ${planFor(entitlement)} plan; this workspace is on ${policy.plan}`);
  }
};

/** Refuses a change whose result would grant what the caller does not hold, naming the first such permission. */
export const assertWithinAuthority = (authority: readonly Permission[], granted: readonly Permission[]): void => {
  const beyond = granted.find((g) => !authority.some((a) => grantCovers(a, g)));
  if (beyond) throw new DomainError(ErrorCodes.forbidden, `this would grant ${formatPermission(beyond)}, which the calling key does not hold`);
};

/** What an admin key, an unrestricted key and the root key hold. */
const FULL_ACCESS: readonly Permission[] = [{ resource: '*', action: 'write' }];

/**
 * For changes whose reach no permission bounds (they shape keys the caller may hold less than):
 * only a full-access caller may make them.
 */
export const assertFullAccess = (authority: readonly Permission[], what: string): void => {
  if (!holdsAll(authority, FULL_ACCESS)) throw new DomainError(ErrorCodes.forbidden, `${what} takes a full-access key`);
};

/** What a key would hold, checked against the caller's authority. */
export const assertKeyWithinAuthority = (policy: AccessPolicy, access: KeyAccess): void =>
  assertWithinAuthority(policy.authority, effectiveGrants(access, policy.roleGrants));

/** Resource types must be in the workspace's catalogue (or `*`). */
export const assertInCatalogue = (settings: WorkspaceSettings, resource: string, field: string): void => {
  if (resource !== '*' && !settings.resourceCatalogue.some((r) => r.resource === resource)) {
    throw validationError(field, `${resource} is not in this workspace's resource catalogue`);
  }
};
