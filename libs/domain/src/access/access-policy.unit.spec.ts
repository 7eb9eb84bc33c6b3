import { ErrorCodes, type Entitlements, type Plan } from '@keyward/contracts';
import { DomainError } from '../domain.error';
import type { KeyAccess } from '../permissions/effective-grants';
import { accessPolicy, permissions } from '../testing';
import { entitlementsOf } from '../workspaces/plan-entitlements';
import { defaultWorkspaceSettings } from '../workspaces/workspace-settings';
import { DEFAULT_WORKSPACE, type ExistingWorkspace } from '../workspaces/workspace.state';
import { assertFullAccess, assertInCatalogue, assertKeyWithinAuthority, assertWithinAuthority, requireEntitlement, workspacePolicyOf, type WorkspacePolicy } from './access-policy';

/** What `act` throws, as code, field and message; fails when it does not throw a DomainError. */
const refusal = (act: () => void): { code: string; field?: string; message: string } => {
  try {
    act();
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    return { code: error.code, field: error.field, message: error.message };
  }
  throw new Error('expected a DomainError');
};

const policyOn = (plan: Plan): WorkspacePolicy => ({ plan, entitlements: entitlementsOf(plan), settings: defaultWorkspaceSettings() });

describe('requireEntitlement', () => {
  // [plan, entitlement, allowed, cheapest plan]
  const table: [Plan, keyof Entitlements, boolean, Plan][] = [
    ['free', 'apiAccess', false, 'pro'],
    ['free', 'restrictedKeys', false, 'pro'],
    ['free', 'customRoles', false, 'enterprise'],
    ['free', 'shares', false, 'enterprise'],
    ['free', 'credentialSharing', false, 'enterprise'],
    ['pro', 'apiAccess', true, 'pro'],
    ['pro', 'restrictedKeys', true, 'pro'],
    ['pro', 'customRoles', false, 'enterprise'],
    ['pro', 'shares', false, 'enterprise'],
    ['pro', 'credentialSharing', false, 'enterprise'],
    ['enterprise', 'apiAccess', true, 'pro'],
    ['enterprise', 'restrictedKeys', true, 'pro'],
    ['enterprise', 'customRoles', true, 'enterprise'],
    ['enterprise', 'shares', true, 'enterprise'],
    ['enterprise', 'credentialSharing', true, 'enterprise'],
  ];
  it.each(table)('on %s, %s is allowed: %s', (plan, entitlement, allowed, cheapest) => {
    const act = () => requireEntitlement(policyOn(plan), entitlement, 'this feature');
    if (allowed) {
      expect(act).not.toThrow();
      return;
    }
    expect(refusal(act)).toEqual({
      code: ErrorCodes.planUpgradeRequired,
      field: undefined,
      message: `this feature needs the ${cheapest} plan; this workspace is on ${plan}`,
    });
  });
});

describe('assertWithinAuthority', () => {
  // [authority, granted, the first permission beyond it, or null]
  const table: [string[], string[], string | null][] = [
    [['*:write'], ['*:write', 'calls:write', 'workflows/wf_1:write'], null],
    [['*:read'], ['calls:read', '*:read', 'workflows/wf_1:read'], null],
    [['*:read'], ['calls:read', 'calls:write'], 'calls:write'],
    [['*:read'], ['*:write'], '*:write'],
    [['calls:write'], ['calls:read', 'calls:write', 'calls/c_1:write'], null],
    [['calls:write'], ['*:read'], '*:read'],
    [['calls:read'], ['calls:write'], 'calls:write'],
    [['calls:read', 'api_keys:write'], ['calls:read', 'contacts:read', 'billing:write'], 'contacts:read'],
    [['workflows/wf_42:write'], ['workflows/wf_42:read'], null],
    [['workflows/wf_42:write'], ['workflows/wf_43:read'], 'workflows/wf_43:read'],
    [['workflows/wf_42:write'], ['workflows:read'], 'workflows:read'],
    [[], [], null],
    [[], ['calls:read'], 'calls:read'],
  ];
  it.each(table)('authority %j, granting %j: beyond is %p', (authority, granted, beyond) => {
    const act = () => assertWithinAuthority(permissions(...authority), permissions(...granted));
    if (beyond === null) {
      expect(act).not.toThrow();
      return;
    }
    expect(refusal(act)).toEqual({ code: ErrorCodes.forbidden, field: undefined, message: `this would grant ${beyond}, which the calling key does not hold` });
  });
});

describe('assertFullAccess', () => {
  it('lets through only who holds *:write (admin, unrestricted, root), however much else the caller holds', () => {
    expect(() => assertFullAccess(permissions('*:write'), 'this')).not.toThrow();
    expect(() => assertFullAccess(permissions('calls:read', '*:write'), 'this')).not.toThrow();
    expect(refusal(() => assertFullAccess(permissions('*:read', 'api_keys:write', 'roles:write', 'calls:write'), 'this'))).toEqual({ code: ErrorCodes.forbidden, message: 'this takes a full-access key' });
    expect(refusal(() => assertFullAccess([], 'this')).code).toBe(ErrorCodes.forbidden);
  });
});

describe('assertKeyWithinAuthority', () => {
  const caller = accessPolicy({ authority: ['api_keys:write', 'calls:read'] });
  const restricted = (over: Partial<KeyAccess>): KeyAccess => ({ unrestricted: false, roles: [], permissions: {}, ...over });

  // [case, access, the permission named, or null]
  const table: [string, KeyAccess, string | null][] = [
    ['nothing', restricted({}), null],
    ['calls:read', restricted({ permissions: { calls: 'read' } }), null],
    ['levels of none', restricted({ permissions: { calls: 'none', billing: 'none', '*': 'none' } }), null],
    ['its own api_keys:write', restricted({ permissions: { api_keys: 'write', calls: 'read' } }), null],
    ['a share of calls', restricted({ shares: [{ resource: 'calls', resourceId: 'c_1', access: 'read' }] }), null],
    ['a role that does not exist', restricted({ roles: ['ghost'] }), null],
    ['calls:write', restricted({ permissions: { calls: 'write' } }), 'calls:write'],
    ['*:read', restricted({ permissions: { '*': 'read' } }), '*:read'],
    ['unrestricted', { unrestricted: true, roles: [], permissions: {} }, '*:write'],
    ['admin', restricted({ roles: ['admin'] }), '*:write'],
    ['read-only', restricted({ roles: ['read-only'] }), '*:read'],
    ['a custom role holding calls:write', restricted({ roles: ['caller'] }), 'calls:write'],
    ['a custom role holding files:write', restricted({ roles: ['custom'] }), 'files:write'],
    ['a write share of calls', restricted({ shares: [{ resource: 'calls', resourceId: 'c_1', access: 'write' }] }), 'calls/c_1:write'],
  ];
  it.each(table)('a caller with api_keys:write and calls:read, for a key with %s', (_, access, beyond) => {
    const act = () => assertKeyWithinAuthority(caller, access);
    if (beyond === null) {
      expect(act).not.toThrow();
      return;
    }
    expect(refusal(act)).toEqual({ code: ErrorCodes.forbidden, field: undefined, message: `this would grant ${beyond}, which the calling key does not hold` });
  });

  it('counts custom roles and shares even where the plan has neither, so that an upgrade never lets an old grant through', () => {
    const pro = accessPolicy({ plan: 'pro', authority: ['api_keys:write'] });
    expect(refusal(() => assertKeyWithinAuthority(pro, restricted({ roles: ['custom'] }))).message).toBe('this would grant files:write, which the calling key does not hold');
    expect(refusal(() => assertKeyWithinAuthority(pro, restricted({ shares: [{ resource: 'files', resourceId: 'f', access: 'read' }] }))).message).toBe(
      'this would grant files/f:read, which the calling key does not hold',
    );
  });
});

describe('assertInCatalogue', () => {
  const settings = defaultWorkspaceSettings();

  it.each(['*', 'calls', 'data_sets', 'api_keys', 'credentials'])('accepts %s', (resource) => {
    expect(() => assertInCatalogue(settings, resource, 'permissions[0]')).not.toThrow();
  });

  it.each(['invoices', 'call', 'Calls', ''])('refuses %p (400, naming the field)', (resource) => {
    expect(refusal(() => assertInCatalogue(settings, resource, 'permissions[3]'))).toEqual({
      code: ErrorCodes.validationFailed,
      field: 'permissions[3]',
      message: `${resource} is not in this workspace's resource catalogue`,
    });
  });

  it('follows the workspace’s own catalogue', () => {
    const custom = { ...settings, resourceCatalogue: [{ resource: 'invoices', group: 'Billing' }] };
    expect(() => assertInCatalogue(custom, 'invoices', 'resource')).not.toThrow();
    expect(refusal(() => assertInCatalogue(custom, 'calls', 'resource')).code).toBe(ErrorCodes.validationFailed);
    expect(() => assertInCatalogue(custom, '*', 'resource')).not.toThrow();
  });
});

describe('workspacePolicyOf', () => {
  it.each<Plan>(['free', 'pro', 'enterprise'])('takes plan, the plan’s entitlements and settings from a %s workspace', (plan) => {
    const settings = { keyPermissionsImmutable: true, resourceCatalogue: [{ resource: 'calls', group: 'Communication' }], staleAfterDays: 30, rateLimitWhenUnreachable: 'deny' as const, revokeLeakedKeys: false };
    const workspace: ExistingWorkspace = { status: 'active', workspaceId: 'ws_aaaaaaaaaaaaaaaaaaaa', name: 'Acme', plan, settings };
    expect(workspacePolicyOf(workspace)).toEqual({ plan, entitlements: entitlementsOf(plan), settings });
  });

  it('gives the default workspace everything', () => {
    expect(workspacePolicyOf(DEFAULT_WORKSPACE)).toEqual({
      plan: 'enterprise',
      entitlements: { apiAccess: true, restrictedKeys: true, customRoles: true, shares: true, credentialSharing: true },
      settings: defaultWorkspaceSettings(),
    });
  });
});
