import { ErrorCodes, type RoleCreated, type RoleDeleted, type RoleEvent, type RolePermissionsChanged } from '@keyward/contracts';
import { accessPolicy, deciderSpecification, NOW, OTHER_WORKSPACE_ID, permissions, WORKSPACE_ID } from '../testing';
import { evolveRole } from './evolve-role';
import type { CreateRole, DeleteRole, UpdateRole } from './role.commands';
import { roleDecider } from './role.decider';
import { initialRoleState, type RoleState } from './role.state';

const ROLE_ID = 'role_aaaaaaaaaaaaaaaaaaaa';
const { given } = deciderSpecification(roleDecider, NOW);
const invalid = (field: string) => ({ code: ErrorCodes.validationFailed, field });
const notFound = { code: ErrorCodes.roleNotFound, message: 'no such role' };
const beyond = (permission: string) => ({ code: ErrorCodes.forbidden, message: `this would grant ${permission}, which the calling key does not hold` });
const upgrade = (plan: string) => ({ code: ErrorCodes.planUpgradeRequired, message: `custom roles needs the enterprise plan; this workspace is on ${plan}` });

const createRole = (over: Partial<Omit<CreateRole, 'type'>> = {}): CreateRole => ({
  type: 'CreateRole',
  roleId: ROLE_ID,
  workspaceId: WORKSPACE_ID,
  name: 'Support',
  permissions: ['calls:read'],
  policy: accessPolicy(),
  ...over,
});
const updateRole = (over: Partial<Omit<UpdateRole, 'type'>> = {}): UpdateRole => ({ type: 'UpdateRole', roleId: ROLE_ID, workspaceId: WORKSPACE_ID, policy: accessPolicy(), ...over });
const deleteRole = (over: Partial<Omit<DeleteRole, 'type'>> = {}): DeleteRole => ({ type: 'DeleteRole', roleId: ROLE_ID, workspaceId: WORKSPACE_ID, ...over });

const roleCreated = (over: Partial<RoleCreated['data']> = {}): RoleCreated => ({
  type: 'RoleCreated',
  data: { roleId: ROLE_ID, workspaceId: WORKSPACE_ID, name: 'Support', description: '', permissions: ['calls:read'], createdAt: NOW.toISOString(), ...over },
});
const roleChanged = (over: Partial<RolePermissionsChanged['data']> = {}): RolePermissionsChanged => ({
  type: 'RolePermissionsChanged',
  data: { roleId: ROLE_ID, workspaceId: WORKSPACE_ID, name: 'Support', description: '', permissions: ['calls:read'], changedAt: NOW.toISOString(), ...over },
});
const roleDeleted = (over: Partial<RoleDeleted['data']> = {}): RoleDeleted => ({
  type: 'RoleDeleted',
  data: { roleId: ROLE_ID, workspaceId: WORKSPACE_ID, deletedAt: NOW.toISOString(), ...over },
});

describe('CreateRole', () => {
  it('creates a role: name and description trimmed, permissions parsed, once each, in order', () => {
    given([])
      .when(createRole({ name: '  Support ', description: '  answers calls ', permissions: ['calls:write', '*:read', 'calls:write', 'workflows/wf_42:read'] }))
      .then([roleCreated({ name: 'Support', description: 'answers calls', permissions: ['calls:write', '*:read', 'workflows/wf_42:read'] })]);
  });

  it.each([undefined, '', '   '])('takes description %p as empty', (description) => {
    given([]).when(createRole({ description })).then([roleCreated({ description: '' })]);
  });

  it('accepts a role with no permissions, *:write, and 100 permissions', () => {
    given([]).when(createRole({ permissions: [] })).then([roleCreated({ permissions: [] })]);
    given([]).when(createRole({ permissions: ['*:write'] })).then([roleCreated({ permissions: ['*:write'] })]);
    const hundred = Array.from({ length: 100 }, (_, i) => `workflows/wf_${i}:read`);
    given([]).when(createRole({ permissions: hundred })).then([roleCreated({ permissions: hundred })]);
  });

  it.each(['pro', 'free'] as const)('needs custom roles: on %s, 402 before looking at the input', (plan) => {
    given([]).when(createRole({ policy: accessPolicy({ plan }) })).then(upgrade(plan));
    given([]).when(createRole({ name: '', permissions: ['x'], policy: accessPolicy({ plan }) })).then(upgrade(plan));
  });

  it.each<[string, Partial<CreateRole>, string]>([
    ['an empty name', { name: '' }, 'name'],
    ['a 101-character name', { name: 'x'.repeat(101) }, 'name'],
    ['a control character in the name', { name: 'a\u0007b' }, 'name'],
    ['a 501-character description', { description: 'd'.repeat(501) }, 'description'],
    ['a permission that does not parse', { permissions: ['calls:read', 'calls:delete'] }, 'permissions[1]'],
    ['a resource outside the catalogue', { permissions: ['invoices:read'] }, 'permissions[0]'],
    ['a share of a resource outside the catalogue', { permissions: ['calls:read', 'invoices/i_1:read'] }, 'permissions[1]'],
  ])('refuses %s (400)', (_, over, field) => {
    given([]).when(createRole(over)).then(invalid(field));
  });

  it('follows the workspace’s own catalogue', () => {
    const policy = accessPolicy({ settings: { resourceCatalogue: [{ resource: 'invoices', group: 'Billing' }] } });
    given([]).when(createRole({ permissions: ['invoices:write'], policy })).then([roleCreated({ permissions: ['invoices:write'] })]);
    given([]).when(createRole({ permissions: ['calls:read'], policy })).then(invalid('permissions[0]'));
  });

  describe('never beyond the caller’s authority (403)', () => {
    const caller = accessPolicy({ authority: ['roles:write', 'calls:read', 'workflows/wf_42:write'] });

    it.each([['calls:read'], ['calls/c_1:read'], ['workflows/wf_42:read'], ['workflows/wf_42:write'], ['roles:write', 'calls:read']])('allows %j', (...granted) => {
      given([]).when(createRole({ permissions: granted, policy: caller })).then([roleCreated({ permissions: granted })]);
    });

    it.each([
      [['calls:write'], 'calls:write'],
      [['calls:read', 'contacts:read'], 'contacts:read'],
      [['*:read'], '*:read'],
      [['*:write'], '*:write'],
      [['workflows:read'], 'workflows:read'],
      [['workflows/wf_43:read'], 'workflows/wf_43:read'],
      [['roles:write', 'api_keys:write'], 'api_keys:write'],
    ])('refuses %j, naming %s', (granted, named) => {
      given([]).when(createRole({ permissions: granted, policy: caller })).then(beyond(named));
    });
  });

  it('refuses an id that exists already, also a deleted one (CONFLICT)', () => {
    given([roleCreated()]).when(createRole()).then({ code: ErrorCodes.conflict });
    given([roleCreated(), roleDeleted()]).when(createRole()).then({ code: ErrorCodes.conflict });
  });
});

describe('UpdateRole', () => {
  it('renames, keeping description and permissions', () => {
    given([roleCreated({ description: 'd', permissions: ['calls:read', 'files:write'] })])
      .when(updateRole({ name: ' Support 2 ' }))
      .then([roleChanged({ name: 'Support 2', description: 'd', permissions: ['calls:read', 'files:write'] })]);
  });

  it('replaces the permissions, once each', () => {
    given([roleCreated()])
      .when(updateRole({ permissions: ['contacts:write', 'contacts:write', 'calls:read'] }))
      .then([roleChanged({ permissions: ['contacts:write', 'calls:read'] })]);
  });

  it('clears the description with an empty one', () => {
    given([roleCreated({ description: 'old' })]).when(updateRole({ description: '' })).then([roleChanged({ description: '' })]);
  });

  it('edits the latest definition', () => {
    given([roleCreated(), roleChanged({ name: 'Renamed', permissions: ['files:read'] })])
      .when(updateRole({ description: 'new' }))
      .then([roleChanged({ name: 'Renamed', description: 'new', permissions: ['files:read'] })]);
  });

  it.each<[string, Partial<UpdateRole>]>([
    ['nothing', {}],
    ['the same name', { name: 'Support' }],
    ['the same name, untrimmed', { name: ' Support ' }],
    ['the same permissions', { permissions: ['calls:read'] }],
    ['the same permissions, repeated', { permissions: ['calls:read', 'calls:read'] }],
    ['everything the same', { name: 'Support', description: '', permissions: ['calls:read'] }],
  ])('changes nothing for %s', (_, over) => {
    given([roleCreated()]).when(updateRole(over)).then([]);
  });

  it('sees the same permissions in another order as a change', () => {
    given([roleCreated({ permissions: ['calls:read', 'files:read'] })])
      .when(updateRole({ permissions: ['files:read', 'calls:read'] }))
      .then([roleChanged({ permissions: ['files:read', 'calls:read'] })]);
  });

  it.each(['admin', 'read-only'])('refuses to edit the built-in role %s (CONFLICT)', (roleId) => {
    given([]).when(updateRole({ roleId, name: 'Mine' })).then({ code: ErrorCodes.conflict, message: `the built-in role ${roleId} cannot be changed` });
  });

  it('refuses an unknown role, another workspace’s, another id’s, and a deleted one alike (ROLE_NOT_FOUND)', () => {
    given([]).when(updateRole({ name: 'x' })).then(notFound);
    given([roleCreated()]).when(updateRole({ name: 'x', workspaceId: OTHER_WORKSPACE_ID })).then(notFound);
    given([roleCreated()]).when(updateRole({ name: 'x', roleId: 'role_bbbbbbbbbbbbbbbbbbbb' })).then(notFound);
    given([roleCreated(), roleDeleted()]).when(updateRole({ name: 'x' })).then(notFound);
  });

  it('needs custom roles (402), but says ROLE_NOT_FOUND first for a role that does not exist', () => {
    given([roleCreated()]).when(updateRole({ name: 'x', policy: accessPolicy({ plan: 'pro' }) })).then(upgrade('pro'));
    given([]).when(updateRole({ name: 'x', policy: accessPolicy({ plan: 'pro' }) })).then(notFound);
  });

  it.each<[string, Partial<UpdateRole>, string]>([
    ['an empty name', { name: '' }, 'name'],
    ['a 501-character description', { description: 'd'.repeat(501) }, 'description'],
    ['a permission that does not parse', { permissions: ['calls'] }, 'permissions[0]'],
    ['a resource outside the catalogue', { permissions: ['calls:read', 'invoices:read'] }, 'permissions[1]'],
  ])('refuses %s (400)', (_, over, field) => {
    given([roleCreated()]).when(updateRole(over)).then(invalid(field));
  });

  describe('never beyond the caller’s authority (403): an edit changes every key holding the role', () => {
    const caller = accessPolicy({ authority: ['roles:write', 'calls:write'] });

    it('allows new permissions within it', () => {
      given([roleCreated()]).when(updateRole({ permissions: ['calls:write'], policy: caller })).then([roleChanged({ permissions: ['calls:write'] })]);
    });

    it.each([
      [['calls:write', 'contacts:read'], 'contacts:read'],
      [['*:read'], '*:read'],
    ])('refuses %j, naming %s', (granted, named) => {
      given([roleCreated()]).when(updateRole({ permissions: granted, policy: caller })).then(beyond(named));
    });

    it('refuses even a rename of a role that holds more than the caller', () => {
      given([roleCreated({ permissions: ['calls:read', 'billing:write'] })])
        .when(updateRole({ name: 'Renamed', policy: caller }))
        .then(beyond('billing:write'));
    });
  });
});

describe('DeleteRole', () => {
  it('deletes a role', () => {
    given([roleCreated()]).when(deleteRole()).then([roleDeleted()]);
    given([roleCreated(), roleChanged({ permissions: ['*:write'] })]).when(deleteRole()).then([roleDeleted()]);
  });

  it.each(['admin', 'read-only'])('refuses to delete the built-in role %s (CONFLICT)', (roleId) => {
    given([]).when(deleteRole({ roleId })).then({ code: ErrorCodes.conflict, message: `the built-in role ${roleId} cannot be changed` });
  });

  it('refuses an unknown role, another workspace’s and a deleted one alike (ROLE_NOT_FOUND)', () => {
    given([]).when(deleteRole()).then(notFound);
    given([roleCreated()]).when(deleteRole({ workspaceId: OTHER_WORKSPACE_ID })).then(notFound);
    given([roleCreated(), roleDeleted()]).when(deleteRole()).then(notFound);
  });
});

describe('evolveRole', () => {
  const replay = (events: readonly RoleEvent[]): RoleState => events.reduce(evolveRole, initialRoleState);

  it('builds an active role from RoleCreated, its permissions parsed once', () => {
    expect(replay([roleCreated({ description: 'd', permissions: ['calls:read', 'workflows/wf_42:write'] })])).toEqual({
      status: 'active',
      roleId: ROLE_ID,
      workspaceId: WORKSPACE_ID,
      name: 'Support',
      description: 'd',
      permissions: ['calls:read', 'workflows/wf_42:write'],
      grants: permissions('calls:read', 'workflows/wf_42:write'),
    });
  });

  it('takes the whole new definition from RolePermissionsChanged', () => {
    expect(replay([roleCreated(), roleChanged({ name: 'New', description: 'nd', permissions: ['*:read'] })])).toMatchObject({
      status: 'active',
      name: 'New',
      description: 'nd',
      permissions: ['*:read'],
      grants: permissions('*:read'),
    });
  });

  it('marks a role deleted, keeping its definition for the history', () => {
    expect(replay([roleCreated(), roleDeleted()])).toMatchObject({ status: 'deleted', roleId: ROLE_ID, permissions: ['calls:read'] });
  });

  it('drops from the grants a stored permission that no longer parses, and keeps it in the text', () => {
    expect(replay([roleCreated({ permissions: ['calls:read', 'calls:delete', 'Bad:read'] })])).toMatchObject({
      permissions: ['calls:read', 'calls:delete', 'Bad:read'],
      grants: permissions('calls:read'),
    });
  });

  it('ignores changes to a role it never saw created, and unknown event types', () => {
    expect(replay([roleChanged(), roleDeleted()])).toBe(initialRoleState);
    const state = replay([roleCreated()]);
    const unknown = { type: 'RoleRenamed', data: { roleId: ROLE_ID } } as unknown as RoleEvent;
    expect(evolveRole(state, unknown)).toBe(state);
  });
});
