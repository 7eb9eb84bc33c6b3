import { ErrorCodes, type KeyDeleted, type KeyEvent, type KeyPermissionsChanged, type ResourcePermissions, type ResourceShared, type ResourceUnshared, type RoleAssigned, type RoleUnassigned } from '@keyward/contracts';
import type { AccessPolicy } from '../access/access-policy';
import { DomainError } from '../domain.error';
import {
  accessPolicy,
  at,
  createKey,
  deciderSpecification,
  KEY_ID,
  keyCreated,
  keyRevoked,
  keyRotated,
  NOW,
  OTHER_WORKSPACE_ID,
  permissions,
  revokeKey,
  rotateKey,
  storedSecret,
  WORKSPACE_ID,
  type PolicyOptions,
} from '../testing';
import type { DeleteKey, KeyCommand, SetKeyPermissions, SetKeyRoles, ShareResource, UnshareResource } from './key.commands';
import { keyDecider } from './key.decider';

const { given } = deciderSpecification(keyDecider, NOW);
const invalid = (field: string) => ({ code: ErrorCodes.validationFailed, field });

describe('CreateKey', () => {
  it('creates an unrestricted key when neither roles nor permissions are given', () => {
    given([]).when(createKey()).then([keyCreated({ unrestricted: true, roles: [], permissions: {} })]);
  });

  it('keeps roles (once each) and permissions, and the key is restricted', () => {
    given([])
      .when(createKey({ roles: ['read-only', 'custom', 'read-only'], permissions: { calls: 'write', billing: 'none' } }))
      .then([keyCreated({ roles: ['read-only', 'custom'], permissions: { calls: 'write', billing: 'none' }, unrestricted: false })]);
  });

  it('takes unrestricted: false without restrictions as a key that may do nothing', () => {
    given([]).when(createKey({ unrestricted: false })).then([keyCreated({ unrestricted: false })]);
  });

  it('takes unrestricted: true without restrictions', () => {
    given([]).when(createKey({ unrestricted: true })).then([keyCreated({ unrestricted: true })]);
  });

  it.each<[string, Partial<NonNullable<Parameters<typeof createKey>[0]>>]>([
    ['empty permissions', { permissions: {} }],
    ['an empty list of roles', { roles: [] }],
    ['both empty', { roles: [], permissions: {} }],
    ['every level none', { permissions: { calls: 'none', '*': 'none' } }],
    ['empty permissions and unrestricted: false', { permissions: {}, unrestricted: false }],
  ])('fails closed: %s make a restricted key that holds nothing', (_, over) => {
    given([]).when(createKey(over)).then([keyCreated({ roles: [], permissions: over.permissions ?? {}, unrestricted: false })]);
  });

  it('trims the name and normalises the expiry to UTC', () => {
    given([])
      .when(createKey({ name: '  orders  ', expiresAt: '2027-01-01T02:00:00+02:00' }))
      .then([keyCreated({ name: 'orders', expiresAt: '2027-01-01T00:00:00.000Z' })]);
  });

  it('creates test keys with a test secret', () => {
    given([])
      .when(createKey({ environment: 'test', secret: storedSecret(1, 'test') }))
      .then([keyCreated({ environment: 'test', ...storedSecret(1, 'test') })]);
  });

  it('accepts a name of exactly 100 characters, emoji counted as one', () => {
    given([]).when(createKey({ name: 'x'.repeat(100) })).then([keyCreated({ name: 'x'.repeat(100) })]);
    given([]).when(createKey({ name: '🔑'.repeat(100) })).then([keyCreated({ name: '🔑'.repeat(100) })]);
  });

  it('accepts an expiry one millisecond ahead', () => {
    given([]).when(createKey({ expiresAt: '2026-11-23T10:00:00.001Z' })).then([keyCreated({ expiresAt: '2026-11-23T10:00:00.001Z' })]);
  });

  it.each([
    ['an empty name', { name: '' }, 'name'],
    ['a blank name', { name: ' \t ' }, 'name'],
    ['a 101-character name', { name: 'x'.repeat(101) }, 'name'],
    ['a newline in the name', { name: 'a\nb' }, 'name'],
    ['a NUL in the name', { name: 'a\u0000b' }, 'name'],
    ['DEL in the name', { name: 'a\u007fb' }, 'name'],
    ['a C1 control in the name', { name: 'a\u009bb' }, 'name'],
    ['a lone surrogate in the name', { name: 'a\ud800' }, 'name'],
    ['an expiry in the past', { expiresAt: '2026-11-23T09:59:59.999Z' }, 'expiresAt'],
    ['an expiry of now', { expiresAt: NOW.toISOString() }, 'expiresAt'],
    ['an expiry that is not a date', { expiresAt: 'tomorrow' }, 'expiresAt'],
    ['an expiry without a time zone', { expiresAt: '2027-01-01T00:00:00' }, 'expiresAt'],
    ['an expiry on a day that does not exist', { expiresAt: '2027-02-29T00:00:00Z' }, 'expiresAt'],
    ['an unknown environment', { environment: 'prod' as 'live' }, 'environment'],
    ['an empty role id', { roles: [''] }, 'roles'],
    ['a 65-character role id', { roles: ['r'.repeat(65)] }, 'roles'],
    ['51 roles', { roles: Array.from({ length: 51 }, (_, i) => `role_${i}`) }, 'roles'],
    ['an unknown access level', { permissions: { calls: 'admin' as 'read' } }, 'permissions.calls'],
    ['a resource name that is not one', { permissions: { 'Calls!': 'read' as const } }, 'permissions.Calls!'],
    ['101 resources', { permissions: Object.fromEntries(Array.from({ length: 101 }, (_, i) => [`r${i}`, 'read' as const])) }, 'permissions'],
    ['unrestricted with roles', { unrestricted: true, roles: ['admin'] }, 'unrestricted'],
    ['unrestricted with permissions', { unrestricted: true, permissions: { calls: 'read' as const } }, 'unrestricted'],
    ['unrestricted with an empty list of roles', { unrestricted: true, roles: [] }, 'unrestricted'],
    ['unrestricted with empty permissions', { unrestricted: true, permissions: {} }, 'unrestricted'],
  ])('refuses %s', (_, over, field) => {
    given([]).when(createKey(over)).then(invalid(field));
  });

  it('refuses a stream that exists already (CONFLICT)', () => {
    given([keyCreated()]).when(createKey()).then({ code: ErrorCodes.conflict });
  });

  it('refuses a secret of the other environment as an internal fault, not a bad request', () => {
    given([]).when(createKey({ environment: 'test', secret: storedSecret(1, 'live') })).then({ code: ErrorCodes.internal });
  });

  it('copies permissions, so the event never shares the caller’s object', () => {
    const permissions = { calls: 'read' as const };
    const [event] = keyDecider.decide(createKey({ permissions }), keyDecider.initialState(), NOW);
    expect(event.type === 'KeyCreated' && event.data.permissions).not.toBe(permissions);
  });
});

describe('RotateKey', () => {
  it('replaces the secret; the old one lives for the grace period', () => {
    given([keyCreated()])
      .when(rotateKey({ gracePeriodSeconds: 3_600 }))
      .then([keyRotated({ rotatedAt: NOW.toISOString(), previousKeyExpiresAt: '2026-11-23T11:00:00.000Z' })]);
  });

  it('retires the old secret at once with no grace period', () => {
    given([keyCreated()]).when(rotateKey({ gracePeriodSeconds: 0 })).then([keyRotated({ previousKeyExpiresAt: NOW.toISOString() })]);
  });

  it('accepts the full seven days', () => {
    given([keyCreated()]).when(rotateKey({ gracePeriodSeconds: 604_800 })).then([keyRotated({ previousKeyExpiresAt: '2026-11-30T10:00:00.000Z' })]);
  });

  it('never extends the key’s life: the grace ends with the key', () => {
    given([keyCreated({ expiresAt: '2026-11-23T10:30:00.000Z' })])
      .when(rotateKey({ gracePeriodSeconds: 3_600 }))
      .then([keyRotated({ previousKeyExpiresAt: '2026-11-23T10:30:00.000Z' })]);
  });

  it('ends the grace at now + grace when that comes before the key’s expiry', () => {
    given([keyCreated({ expiresAt: '2027-01-01T00:00:00.000Z' })])
      .when(rotateKey({ gracePeriodSeconds: 60 }))
      .then([keyRotated({ previousKeyExpiresAt: '2026-11-23T10:01:00.000Z' })]);
  });

  it('rotates a key that was rotated before', () => {
    given([keyCreated(), keyRotated()])
      .when(rotateKey({ secret: storedSecret(3) }))
      .then([keyRotated({ ...storedSecret(3) })]);
  });

  it.each([-1, 604_801, 1.5, Number.NaN, Number.POSITIVE_INFINITY])('refuses a grace period of %p seconds', (grace) => {
    given([keyCreated()]).when(rotateKey({ gracePeriodSeconds: grace })).then(invalid('gracePeriodSeconds'));
  });

  it('refuses an unknown key and a key of another workspace alike (KEY_NOT_FOUND)', () => {
    given([]).when(rotateKey()).then({ code: ErrorCodes.keyNotFound, message: 'no such key' });
    given([keyCreated()]).when(rotateKey({ workspaceId: OTHER_WORKSPACE_ID })).then({ code: ErrorCodes.keyNotFound, message: 'no such key' });
    given([keyCreated()]).when(rotateKey({ keyId: 'key_bbbbbbbbbbbbbbbbbbbbbbbb' })).then({ code: ErrorCodes.keyNotFound, message: 'no such key' });
  });

  it('refuses a revoked key (KEY_REVOKED)', () => {
    given([keyCreated(), keyRevoked()]).when(rotateKey()).then({ code: ErrorCodes.keyRevoked });
  });

  it('refuses an expired key (CONFLICT), from the instant of expiry on', () => {
    const expired = { code: ErrorCodes.conflict, message: 'an expired key cannot be rotated' };
    given([keyCreated({ expiresAt: '2026-11-23T10:30:00.000Z' })]).when(rotateKey(), at('2026-11-23T10:30:00.000Z')).then(expired);
    given([keyCreated({ expiresAt: '2026-11-23T10:30:00.000Z' })]).when(rotateKey(), at('2026-12-01T00:00:00.000Z')).then(expired);
  });

  it('refuses a new secret of another environment than the key’s', () => {
    given([keyCreated()]).when(rotateKey({ secret: storedSecret(2, 'test') })).then({ code: ErrorCodes.internal });
  });
});

describe('RevokeKey', () => {
  it('revokes an active key', () => {
    given([keyCreated()]).when(revokeKey()).then([keyRevoked({ keyId: KEY_ID, revokedAt: NOW.toISOString() })]);
  });

  it('revokes a rotated key', () => {
    given([keyCreated(), keyRotated()]).when(revokeKey()).then([keyRevoked()]);
  });

  it('revokes an expired key too', () => {
    given([keyCreated({ expiresAt: '2026-11-23T10:30:00.000Z' })])
      .when(revokeKey(), at('2026-11-24T00:00:00.000Z'))
      .then([keyRevoked({ revokedAt: '2026-11-24T00:00:00.000Z' })]);
  });

  it('is final: revoking again is KEY_REVOKED, "already revoked"', () => {
    given([keyCreated(), keyRevoked()]).when(revokeKey()).then({ code: ErrorCodes.keyRevoked, message: 'the key is already revoked' });
  });

  it('refuses an unknown key and a key of another workspace alike (KEY_NOT_FOUND)', () => {
    given([]).when(revokeKey()).then({ code: ErrorCodes.keyNotFound, message: 'no such key' });
    given([keyCreated()]).when(revokeKey({ workspaceId: OTHER_WORKSPACE_ID })).then({ code: ErrorCodes.keyNotFound, message: 'no such key' });
    given([keyCreated(), keyRevoked()]).when(revokeKey({ workspaceId: OTHER_WORKSPACE_ID })).then({ code: ErrorCodes.keyNotFound, message: 'no such key' });
  });
});

// ---- access: issue 3 -----------------------------------------------------------------------

// ---- commands -------------------------------------------------------------------------------

const deleteKey = (over: Partial<Omit<DeleteKey, 'type'>> = {}): DeleteKey => ({ type: 'DeleteKey', keyId: KEY_ID, workspaceId: WORKSPACE_ID, ...over });
const setRoles = (roles: readonly string[], over: Partial<Omit<SetKeyRoles, 'type' | 'roles'>> = {}): SetKeyRoles => ({
  type: 'SetKeyRoles',
  keyId: KEY_ID,
  workspaceId: WORKSPACE_ID,
  roles,
  policy: accessPolicy(),
  ...over,
});
const setPermissions = (perms: ResourcePermissions, over: Partial<Omit<SetKeyPermissions, 'type' | 'permissions'>> = {}): SetKeyPermissions => ({
  type: 'SetKeyPermissions',
  keyId: KEY_ID,
  workspaceId: WORKSPACE_ID,
  permissions: perms,
  policy: accessPolicy(),
  ...over,
});
const shareResource = (over: Partial<Omit<ShareResource, 'type'>> = {}): ShareResource => ({
  type: 'ShareResource',
  keyId: KEY_ID,
  workspaceId: WORKSPACE_ID,
  resource: 'workflows',
  resourceId: 'wf_42',
  access: 'read',
  policy: accessPolicy(),
  ...over,
});
const unshareResource = (over: Partial<Omit<UnshareResource, 'type'>> = {}): UnshareResource => ({
  type: 'UnshareResource',
  keyId: KEY_ID,
  workspaceId: WORKSPACE_ID,
  resource: 'workflows',
  resourceId: 'wf_42',
  policy: accessPolicy(),
  ...over,
});

// ---- events ---------------------------------------------------------------------------------

const restrictedKey = (perms: ResourcePermissions = {}, roles: string[] = []) => keyCreated({ unrestricted: false, permissions: perms, roles });
const keyDeleted = (deletedAt = NOW.toISOString()): KeyDeleted => ({ type: 'KeyDeleted', data: { keyId: KEY_ID, deletedAt } });
const roleAssigned = (roleId: string): RoleAssigned => ({ type: 'RoleAssigned', data: { keyId: KEY_ID, roleId } });
const roleUnassigned = (roleId: string): RoleUnassigned => ({ type: 'RoleUnassigned', data: { keyId: KEY_ID, roleId } });
const permissionsChanged = (perms: ResourcePermissions, unrestricted = false): KeyPermissionsChanged => ({
  type: 'KeyPermissionsChanged',
  data: { keyId: KEY_ID, permissions: perms, unrestricted },
});
const shared = (resource: string, resourceId: string, access: 'read' | 'write'): ResourceShared => ({
  type: 'ResourceShared',
  data: { keyId: KEY_ID, resource, resourceId, access },
});
const unshared = (resource: string, resourceId: string): ResourceUnshared => ({ type: 'ResourceUnshared', data: { keyId: KEY_ID, resource, resourceId } });

// ---- expected refusals ----------------------------------------------------------------------

const noSuchKey = { code: ErrorCodes.keyNotFound, message: 'no such key' };
const revoked = { code: ErrorCodes.keyRevoked, message: 'the key is revoked' };
const IMMUTABLE_MESSAGE = "this workspace keeps keys' roles and permissions immutable: delete the key and create a new one";
const immutable = { code: ErrorCodes.conflict, message: IMMUTABLE_MESSAGE };
const beyond = (permission: string) => ({ code: ErrorCodes.forbidden, message: `this would grant ${permission}, which the calling key does not hold` });
const upgrade = (what: string, plan: string, on: string) => ({ code: ErrorCodes.planUpgradeRequired, message: `${what} needs the ${plan} plan; this workspace is on ${on}` });

/** A caller that may manage keys and read calls, nothing else. */
const LIMITED: PolicyOptions = { authority: ['api_keys:write', 'calls:read'] };
const limited = (over: PolicyOptions = {}): AccessPolicy => accessPolicy({ ...LIMITED, ...over });
/** Like `accessPolicy`, with this workspace's custom roles instead of the fixtures'. */
const withRoles = (policy: AccessPolicy, roles: Record<string, string[]>): AccessPolicy => ({
  ...policy,
  roleGrants: (roleId) => (Object.hasOwn(roles, roleId) ? permissions(...roles[roleId]) : undefined),
});

describe('DeleteKey', () => {
  it('deletes an active key', () => {
    given([keyCreated()]).when(deleteKey()).then([keyDeleted()]);
  });

  it('deletes a revoked, a rotated and an expired key', () => {
    given([keyCreated(), keyRevoked()]).when(deleteKey()).then([keyDeleted()]);
    given([keyCreated(), keyRotated()]).when(deleteKey()).then([keyDeleted()]);
    given([keyCreated({ expiresAt: '2026-11-23T10:30:00.000Z' })])
      .when(deleteKey(), at('2026-12-01T00:00:00.000Z'))
      .then([keyDeleted('2026-12-01T00:00:00.000Z')]);
  });

  it('refuses an unknown key, another workspace’s, another id’s and a deleted one alike (KEY_NOT_FOUND)', () => {
    given([]).when(deleteKey()).then(noSuchKey);
    given([keyCreated()]).when(deleteKey({ workspaceId: OTHER_WORKSPACE_ID })).then(noSuchKey);
    given([keyCreated()]).when(deleteKey({ keyId: 'key_bbbbbbbbbbbbbbbbbbbbbbbb' })).then(noSuchKey);
    given([keyCreated(), keyDeleted()]).when(deleteKey()).then(noSuchKey);
  });

  it('hides a deleted key from every other command too', () => {
    const history = [restrictedKey({ calls: 'read' }), shared('workflows', 'wf_42', 'read'), keyDeleted()];
    const commands: KeyCommand[] = [
      revokeKey(),
      rotateKey(),
      setRoles(['read-only']),
      setPermissions({ calls: 'write' }),
      shareResource({ resourceId: 'wf_43' }),
      unshareResource(),
    ];
    for (const command of commands) given(history).when(command).then(noSuchKey);
  });
});

describe('CreateKey: access', () => {
  describe('escalation is checked on what the key would hold', () => {
    it.each<[string, Partial<Parameters<typeof createKey>[0]>, ResourcePermissions, string[], boolean]>([
      ['nothing at all', { unrestricted: false }, {}, [], false],
      ['calls:read', { permissions: { calls: 'read' } }, { calls: 'read' }, [], false],
      ['what it holds, and none elsewhere', { permissions: { calls: 'read', api_keys: 'write', billing: 'none', '*': 'none' } }, { calls: 'read', api_keys: 'write', billing: 'none', '*': 'none' }, [], false],
    ])('a caller with api_keys:write and calls:read may create a key with %s', (_, over, perms, roles, unrestricted) => {
      given([]).when(createKey({ ...over, policy: limited() })).then([keyCreated({ permissions: perms, roles, unrestricted })]);
    });

    it.each<[string, Partial<Parameters<typeof createKey>[0]>, string]>([
      ['calls:write', { permissions: { calls: 'write' } }, 'calls:write'],
      ['calls:read and contacts:read', { permissions: { calls: 'read', contacts: 'read' } }, 'contacts:read'],
      ['* at read', { permissions: { '*': 'read' } }, '*:read'],
      ['* at write', { permissions: { '*': 'write' } }, '*:write'],
      ['no restrictions (unrestricted by default)', {}, '*:write'],
      ['unrestricted: true', { unrestricted: true }, '*:write'],
      ['the admin role', { roles: ['admin'] }, '*:write'],
      ['the read-only role', { roles: ['read-only'] }, '*:read'],
      ['a custom role holding calls:write', { roles: ['caller'] }, 'calls:write'],
      ['a custom role holding files:write', { roles: ['custom'] }, 'files:write'],
      ['calls:write with an empty list of roles', { permissions: { calls: 'write' }, roles: [] }, 'calls:write'],
    ])('a caller with api_keys:write and calls:read may not create a key with %s (403)', (_, over, named) => {
      given([]).when(createKey({ ...over, policy: limited() })).then(beyond(named));
    });

    it('allows a custom role within the caller’s authority and refuses one holding more', () => {
      const policy = withRoles(limited(), { reader: ['calls:read'], more: ['calls:read', 'contacts:read'], share: ['calls/c_1:write'] });
      given([]).when(createKey({ roles: ['reader'], policy })).then([keyCreated({ roles: ['reader'], unrestricted: false })]);
      given([]).when(createKey({ roles: ['reader', 'more'], policy })).then(beyond('contacts:read'));
      given([]).when(createKey({ roles: ['share'], policy })).then(beyond('calls/c_1:write'));
    });

    it('lets an admin caller create any key', () => {
      given([]).when(createKey({ roles: ['admin', 'caller'], permissions: { '*': 'write' } })).then([keyCreated({ roles: ['admin', 'caller'], permissions: { '*': 'write' }, unrestricted: false })]);
    });
  });

  describe('plans', () => {
    it('refuses a key on free (402), before looking at the input', () => {
      const free = upgrade('API keys', 'pro', 'free');
      given([]).when(createKey({ policy: accessPolicy({ plan: 'free' }) })).then(free);
      given([]).when(createKey({ name: '', policy: accessPolicy({ plan: 'free' }) })).then(free);
    });

    it('lets the operator seed a free workspace with an unrestricted key', () => {
      given([]).when(createKey({ policy: accessPolicy({ plan: 'free', operator: true }) })).then([keyCreated({ unrestricted: true })]);
    });

    it('does not let the operator bypass anything but API access: a restricted key on free is 402', () => {
      given([])
        .when(createKey({ roles: ['read-only'], policy: accessPolicy({ plan: 'free', operator: true }) }))
        .then(upgrade('restricted keys', 'pro', 'free'));
    });

    it('allows unrestricted and restricted keys with built-in roles on pro', () => {
      const pro = accessPolicy({ plan: 'pro' });
      given([]).when(createKey({ policy: pro })).then([keyCreated()]);
      given([]).when(createKey({ roles: ['read-only'], permissions: { calls: 'write' }, policy: pro })).then([keyCreated({ roles: ['read-only'], permissions: { calls: 'write' }, unrestricted: false })]);
    });

    it('refuses custom roles on pro (402)', () => {
      given([]).when(createKey({ roles: ['read-only', 'custom'], policy: accessPolicy({ plan: 'pro' }) })).then(upgrade('custom roles', 'enterprise', 'pro'));
    });
  });

  it('refuses a role that does not exist in the workspace (ROLE_NOT_FOUND), before the plan', () => {
    given([]).when(createKey({ roles: ['ghost'] })).then({ code: ErrorCodes.roleNotFound, field: 'roles', message: 'no role ghost in this workspace' });
    given([]).when(createKey({ roles: ['ghost'], policy: accessPolicy({ plan: 'pro' }) })).then({ code: ErrorCodes.roleNotFound, field: 'roles' });
  });

  it('refuses a resource outside the workspace’s catalogue (400), allows *', () => {
    given([]).when(createKey({ permissions: { calls: 'read', invoices: 'read' } })).then(invalid('permissions.invoices'));
    given([]).when(createKey({ permissions: { invoices: 'none' } })).then(invalid('permissions.invoices'));
    given([]).when(createKey({ permissions: { '*': 'read' } })).then([keyCreated({ permissions: { '*': 'read' }, unrestricted: false })]);
  });

  it('still creates keys where key permissions are immutable', () => {
    given([]).when(createKey({ permissions: { calls: 'read' }, policy: accessPolicy({ settings: { keyPermissionsImmutable: true } }) })).then([
      keyCreated({ permissions: { calls: 'read' }, unrestricted: false }),
    ]);
  });
});

describe('RotateKey: the caller must hold everything the key holds', () => {
  it.each<[string, KeyEvent[]]>([
    ['calls:read', [restrictedKey({ calls: 'read' })]],
    ['nothing', [restrictedKey()]],
    ['a share of a call', [restrictedKey(), shared('calls', 'c_1', 'read')]],
    ['the same as the caller', [restrictedKey({ calls: 'read', api_keys: 'write' })]],
  ])('a caller with api_keys:write and calls:read rotates a key holding %s', (_, history) => {
    given(history).when(rotateKey({ policy: limited() })).then([keyRotated()]);
  });

  it.each<[string, KeyEvent[], string]>([
    ['full access', [keyCreated()], '*:write'],
    ['calls:write', [restrictedKey({ calls: 'write' })], 'calls:write'],
    ['a custom role holding more', [restrictedKey({}, ['caller'])], 'calls:write'],
    ['the read-only role', [restrictedKey({}, ['read-only'])], '*:read'],
    ['the admin role, assigned later', [restrictedKey({ calls: 'read' }), roleAssigned('admin')], '*:write'],
    ['a share of a workflow', [restrictedKey({ calls: 'read' }), shared('workflows', 'wf_42', 'read')], 'workflows/wf_42:read'],
    ['a write share of a call', [restrictedKey(), shared('calls', 'c_1', 'write')], 'calls/c_1:write'],
    ['full access, given later', [restrictedKey({ calls: 'read' }), permissionsChanged({}, true)], '*:write'],
  ])('a caller with api_keys:write and calls:read may not rotate a key holding %s (403)', (_, history, named) => {
    given(history).when(rotateKey({ policy: limited() })).then(beyond(named));
  });

  it('follows the key’s access as it is now: once the extra grant is gone, rotation is allowed', () => {
    given([restrictedKey({ calls: 'read' }, ['caller']), roleUnassigned('caller')]).when(rotateKey({ policy: limited() })).then([keyRotated()]);
    given([restrictedKey(), shared('workflows', 'wf_42', 'read'), unshared('workflows', 'wf_42')]).when(rotateKey({ policy: limited() })).then([keyRotated()]);
  });

  it('is not an access edit: rotation works where key permissions are immutable', () => {
    given([keyCreated()]).when(rotateKey({ policy: accessPolicy({ settings: { keyPermissionsImmutable: true } }) })).then([keyRotated()]);
  });
});

describe('SetKeyRoles', () => {
  it('assigns roles, once each', () => {
    given([restrictedKey()])
      .when(setRoles(['read-only', 'custom', 'read-only']))
      .then([roleAssigned('read-only'), roleAssigned('custom')]);
  });

  it('makes the roles the given set: removals first, then additions', () => {
    given([restrictedKey({}, ['read-only', 'custom'])])
      .when(setRoles(['custom', 'caller']))
      .then([roleUnassigned('read-only'), roleAssigned('caller')]);
  });

  it('removes every role, and the key stays restricted', () => {
    given([restrictedKey({ calls: 'read' }, ['read-only', 'custom'])])
      .when(setRoles([]))
      .then([roleUnassigned('read-only'), roleUnassigned('custom')]);
  });

  it('changes nothing for the same set', () => {
    given([restrictedKey({}, ['read-only', 'custom'])]).when(setRoles(['custom', 'read-only'])).then([]);
    given([restrictedKey({}, ['custom'])]).when(setRoles(['custom', 'custom'])).then([]);
    given([restrictedKey()]).when(setRoles([])).then([]);
  });

  it('makes an unrestricted key restricted before giving it roles', () => {
    given([keyCreated()])
      .when(setRoles(['read-only']))
      .then([permissionsChanged({}, false), roleAssigned('read-only')]);
  });

  it('fails closed: an unrestricted key given no roles is restricted to nothing', () => {
    given([keyCreated()]).when(setRoles([])).then([permissionsChanged({}, false)]);
  });

  it('follows roles assigned and removed before', () => {
    given([restrictedKey({}, ['read-only']), roleAssigned('custom'), roleUnassigned('read-only')])
      .when(setRoles(['custom', 'admin']))
      .then([roleAssigned('admin')]);
  });

  describe('escalation is checked on the resulting access', () => {
    it.each([
      [['admin'], '*:write'],
      [['read-only'], '*:read'],
      [['caller'], 'calls:write'],
      [['custom'], 'files:write'],
    ])('a caller with api_keys:write and calls:read may not give %j (403)', (roles, named) => {
      given([restrictedKey({ calls: 'read' })]).when(setRoles(roles, { policy: limited() })).then(beyond(named));
    });

    it('allows a custom role within the caller’s authority', () => {
      const policy = withRoles(limited(), { reader: ['calls:read'] });
      given([restrictedKey()]).when(setRoles(['reader'], { policy })).then([roleAssigned('reader')]);
    });

    it('refuses a change that leaves the key holding more than the caller', () => {
      // The key holds calls:write from an admin; the limited caller cannot touch it, even to remove a role.
      given([restrictedKey({ calls: 'write' }, ['custom'])]).when(setRoles([], { policy: limited() })).then(beyond('calls:write'));
      given([restrictedKey({ calls: 'read' }, ['custom', 'read-only'])]).when(setRoles(['custom'], { policy: limited() })).then(beyond('files:write'));
    });

    it('counts an unrestricted key’s shares when an admin restricts it, and refuses a limited caller even a no-op on it', () => {
      given([keyCreated(), shared('workflows', 'wf_42', 'write')]).when(setRoles(['read-only'])).then([permissionsChanged({}, false), roleAssigned('read-only')]);
      given([keyCreated(), shared('workflows', 'wf_42', 'write')]).when(setRoles([], { policy: limited() })).then(beyond('workflows/wf_42:write'));
    });
  });

  it('refuses a role that does not exist (ROLE_NOT_FOUND), but not one the key already holds', () => {
    given([restrictedKey()]).when(setRoles(['read-only', 'ghost'])).then({ code: ErrorCodes.roleNotFound, field: 'roles', message: 'no role ghost in this workspace' });
    // A role deleted since: keeping it is no new grant.
    given([restrictedKey({}, ['ghost'])]).when(setRoles(['ghost', 'read-only'])).then([roleAssigned('read-only')]);
  });

  it('refuses a new custom role on pro (402), and lets a downgraded workspace keep or drop one it had', () => {
    const pro = accessPolicy({ plan: 'pro' });
    given([restrictedKey()]).when(setRoles(['custom'], { policy: pro })).then(upgrade('custom roles', 'enterprise', 'pro'));
    given([restrictedKey({}, ['custom', 'read-only'])]).when(setRoles(['custom'], { policy: pro })).then([roleUnassigned('read-only')]);
    given([restrictedKey({}, ['custom'])]).when(setRoles([], { policy: pro })).then([roleUnassigned('custom')]);
  });

  it('refuses roles on free, even none: a key with roles named is restricted (402)', () => {
    given([keyCreated()]).when(setRoles(['read-only'], { policy: accessPolicy({ plan: 'free' }) })).then(upgrade('restricted keys', 'pro', 'free'));
    given([keyCreated()]).when(setRoles([], { policy: accessPolicy({ plan: 'free' }) })).then(upgrade('restricted keys', 'pro', 'free'));
  });

  it.each([[['']], [['r'.repeat(65)]], [['a\nb']], [Array.from({ length: 51 }, (_, i) => `role_${i}`)]])('refuses role ids %p (400)', (roles) => {
    given([restrictedKey()]).when(setRoles(roles)).then(invalid('roles'));
  });

  it('refuses where key permissions are immutable (409, delete and recreate)', () => {
    given([restrictedKey()]).when(setRoles(['read-only'], { policy: accessPolicy({ settings: { keyPermissionsImmutable: true } }) })).then(immutable);
  });

  it('refuses a revoked key (KEY_REVOKED) and another workspace’s (KEY_NOT_FOUND)', () => {
    given([restrictedKey(), keyRevoked()]).when(setRoles(['read-only'])).then(revoked);
    given([restrictedKey()]).when(setRoles(['read-only'], { workspaceId: OTHER_WORKSPACE_ID })).then(noSuchKey);
    given([]).when(setRoles(['read-only'])).then(noSuchKey);
  });
});

describe('SetKeyPermissions', () => {
  it('replaces the levels of a restricted key', () => {
    given([restrictedKey({ calls: 'read' })])
      .when(setPermissions({ calls: 'write', contacts: 'read' }))
      .then([permissionsChanged({ calls: 'write', contacts: 'read' })]);
  });

  it('restricts an unrestricted key', () => {
    given([keyCreated()]).when(setPermissions({ calls: 'read' })).then([permissionsChanged({ calls: 'read' }, false)]);
    given([keyCreated()]).when(setPermissions({})).then([permissionsChanged({}, false)]);
  });

  it('makes a key unrestricted, none levels allowed alongside', () => {
    given([restrictedKey({ calls: 'read' })]).when(setPermissions({}, { unrestricted: true })).then([permissionsChanged({}, true)]);
    given([restrictedKey()]).when(setPermissions({ calls: 'none' }, { unrestricted: true })).then([permissionsChanged({ calls: 'none' }, true)]);
  });

  it('takes * as a resource', () => {
    given([restrictedKey()]).when(setPermissions({ '*': 'read' })).then([permissionsChanged({ '*': 'read' })]);
  });

  it('changes nothing for the same levels, in any order, or for full access again', () => {
    given([restrictedKey({ calls: 'read', contacts: 'write' })]).when(setPermissions({ contacts: 'write', calls: 'read' })).then([]);
    given([restrictedKey({ calls: 'read' })]).when(setPermissions({ calls: 'read' }, { unrestricted: false })).then([]);
    given([keyCreated()]).when(setPermissions({}, { unrestricted: true })).then([]);
    given([restrictedKey({ calls: 'read' }), permissionsChanged({ contacts: 'read' })]).when(setPermissions({ contacts: 'read' })).then([]);
  });

  it('sees a level of none added or dropped as a change', () => {
    given([restrictedKey({ calls: 'read' })]).when(setPermissions({ calls: 'read', billing: 'none' })).then([permissionsChanged({ calls: 'read', billing: 'none' })]);
    given([restrictedKey({ calls: 'read', billing: 'none' })]).when(setPermissions({ calls: 'read' })).then([permissionsChanged({ calls: 'read' })]);
  });

  it.each<[string, ResourcePermissions, boolean | undefined, string]>([
    ['unrestricted with a granting level', { calls: 'read' }, true, 'unrestricted'],
    ['a resource outside the catalogue', { calls: 'read', invoices: 'write' }, undefined, 'permissions.invoices'],
    ['an unknown level', { calls: 'admin' as 'read' }, undefined, 'permissions.calls'],
    ['a resource name that is not one', { 'Calls!': 'read' }, undefined, 'permissions.Calls!'],
  ])('refuses %s (400)', (_, perms, unrestricted, field) => {
    given([restrictedKey()]).when(setPermissions(perms, { unrestricted })).then(invalid(field));
  });

  describe('escalation is checked on the resulting access', () => {
    it.each<[string, ResourcePermissions, boolean | undefined, string]>([
      ['calls:write', { calls: 'write' }, undefined, 'calls:write'],
      ['* at read', { '*': 'read' }, undefined, '*:read'],
      ['full access', {}, true, '*:write'],
      ['contacts:read', { calls: 'read', contacts: 'read' }, undefined, 'contacts:read'],
    ])('a caller with api_keys:write and calls:read may not give %s (403)', (_, perms, unrestricted, named) => {
      given([restrictedKey()]).when(setPermissions(perms, { unrestricted, policy: limited() })).then(beyond(named));
    });

    it('allows levels within the caller’s authority', () => {
      given([restrictedKey()]).when(setPermissions({ calls: 'read', billing: 'none' }, { policy: limited() })).then([permissionsChanged({ calls: 'read', billing: 'none' })]);
    });

    it('counts the roles and shares the key keeps', () => {
      given([restrictedKey({}, ['caller'])]).when(setPermissions({ calls: 'read' }, { policy: limited() })).then(beyond('calls:write'));
      given([restrictedKey(), shared('files', 'f_1', 'read')]).when(setPermissions({ calls: 'read' }, { policy: limited() })).then(beyond('files/f_1:read'));
    });

    it('lets a limited caller take full access away from a key', () => {
      given([keyCreated()]).when(setPermissions({ calls: 'read' }, { policy: limited() })).then([permissionsChanged({ calls: 'read' }, false)]);
    });
  });

  it('refuses a restricted key on free (402)', () => {
    given([keyCreated()]).when(setPermissions({ calls: 'read' }, { policy: accessPolicy({ plan: 'free' }) })).then(upgrade('restricted keys', 'pro', 'free'));
  });

  it('refuses where key permissions are immutable (409, delete and recreate)', () => {
    given([restrictedKey({ calls: 'read' })]).when(setPermissions({ calls: 'write' }, { policy: accessPolicy({ settings: { keyPermissionsImmutable: true } }) })).then(immutable);
  });

  it('refuses a revoked key (KEY_REVOKED) and another workspace’s (KEY_NOT_FOUND)', () => {
    given([restrictedKey(), keyRevoked()]).when(setPermissions({ calls: 'read' })).then(revoked);
    given([restrictedKey()]).when(setPermissions({ calls: 'read' }, { workspaceId: OTHER_WORKSPACE_ID })).then(noSuchKey);
  });
});

describe('ShareResource', () => {
  it('shares one instance with a key', () => {
    given([restrictedKey()]).when(shareResource()).then([shared('workflows', 'wf_42', 'read')]);
    given([restrictedKey()]).when(shareResource({ resource: 'files', resourceId: 'f.1-A_b', access: 'write' })).then([shared('files', 'f.1-A_b', 'write')]);
  });

  it('changes nothing when the instance is shared already with the same access', () => {
    given([restrictedKey(), shared('workflows', 'wf_42', 'read')]).when(shareResource()).then([]);
  });

  it('replaces the access of an instance shared already', () => {
    given([restrictedKey(), shared('workflows', 'wf_42', 'read')]).when(shareResource({ access: 'write' })).then([shared('workflows', 'wf_42', 'write')]);
  });

  it('shares another instance beside one shared already', () => {
    given([restrictedKey(), shared('workflows', 'wf_42', 'read')]).when(shareResource({ resourceId: 'wf_43' })).then([shared('workflows', 'wf_43', 'read')]);
  });

  it.each<[string, Partial<ShareResource>, string]>([
    ['a resource name that is not one', { resource: 'Workflows' }, 'resource'],
    ['a resource of *', { resource: '*' }, 'resource'],
    ['a resource outside the catalogue', { resource: 'invoices' }, 'resource'],
    ['an empty resource id', { resourceId: '' }, 'resourceId'],
    ['a resource id with a slash', { resourceId: 'wf/42' }, 'resourceId'],
    ['a 129-character resource id', { resourceId: 'x'.repeat(129) }, 'resourceId'],
    ['an unknown access', { access: 'admin' }, 'access'],
    ['access none', { access: 'none' }, 'access'],
  ])('refuses %s (400)', (_, over, field) => {
    given([restrictedKey()]).when(shareResource(over)).then(invalid(field));
  });

  it('refuses shares on pro (402)', () => {
    given([restrictedKey()]).when(shareResource({ policy: accessPolicy({ plan: 'pro' }) })).then(upgrade('shares', 'enterprise', 'pro'));
  });

  describe('escalation: a share covers only its instance', () => {
    const caller = () => limited({ authority: ['api_keys:write', 'workflows/wf_42:read', 'files:write'] });

    it.each<[Partial<ShareResource>, ResourceShared]>([
      [{}, shared('workflows', 'wf_42', 'read')],
      [{ resource: 'files', resourceId: 'f_1', access: 'write' }, shared('files', 'f_1', 'write')],
      [{ resource: 'files', resourceId: 'f_2', access: 'read' }, shared('files', 'f_2', 'read')],
    ])('allows %j', (over, event) => {
      given([restrictedKey()]).when(shareResource({ ...over, policy: caller() })).then([event]);
    });

    it.each<[Partial<ShareResource>, string]>([
      [{ access: 'write' }, 'workflows/wf_42:write'],
      [{ resourceId: 'wf_43' }, 'workflows/wf_43:read'],
      [{ resource: 'pages' }, 'pages/wf_42:read'],
    ])('refuses %j, naming %s (403)', (over, named) => {
      given([restrictedKey()]).when(shareResource({ ...over, policy: caller() })).then(beyond(named));
    });

    it('lets a caller lower a share it could not have given, since the write share is replaced', () => {
      given([restrictedKey(), shared('workflows', 'wf_42', 'write')]).when(shareResource({ policy: caller() })).then([shared('workflows', 'wf_42', 'read')]);
    });

    it('counts what the key holds besides', () => {
      given([restrictedKey({ calls: 'write' })]).when(shareResource({ policy: caller() })).then(beyond('calls:write'));
    });
  });

  it('refuses where key permissions are immutable (409, delete and recreate)', () => {
    given([restrictedKey()]).when(shareResource({ policy: accessPolicy({ settings: { keyPermissionsImmutable: true } }) })).then(immutable);
  });

  it('refuses a revoked key (KEY_REVOKED) and another workspace’s (KEY_NOT_FOUND)', () => {
    given([restrictedKey(), keyRevoked()]).when(shareResource()).then(revoked);
    given([restrictedKey()]).when(shareResource({ workspaceId: OTHER_WORKSPACE_ID })).then(noSuchKey);
  });
});

describe('UnshareResource', () => {
  it('removes a share', () => {
    given([restrictedKey(), shared('workflows', 'wf_42', 'read')]).when(unshareResource()).then([unshared('workflows', 'wf_42')]);
  });

  it('needs no plan and no authority over the share: a downgraded workspace can clean up', () => {
    given([restrictedKey(), shared('workflows', 'wf_42', 'write')])
      .when(unshareResource({ policy: accessPolicy({ plan: 'pro', authority: ['api_keys:write'] }) }))
      .then([unshared('workflows', 'wf_42')]);
  });

  it.each<[string, KeyEvent[], Partial<UnshareResource>]>([
    ['nothing shared', [restrictedKey()], {}],
    ['another instance shared', [restrictedKey(), shared('workflows', 'wf_43', 'read')], {}],
    ['the same id of another resource shared', [restrictedKey(), shared('pages', 'wf_42', 'read')], {}],
    ['the share removed already', [restrictedKey(), shared('workflows', 'wf_42', 'read'), unshared('workflows', 'wf_42')], {}],
  ])('refuses with %s (SHARE_NOT_FOUND)', (_, history, over) => {
    given(history).when(unshareResource(over)).then({ code: ErrorCodes.shareNotFound, message: 'workflows/wf_42 is not shared with this key' });
  });

  it('refuses where key permissions are immutable (409, delete and recreate)', () => {
    given([restrictedKey(), shared('workflows', 'wf_42', 'read')]).when(unshareResource({ policy: accessPolicy({ settings: { keyPermissionsImmutable: true } }) })).then(immutable);
  });

  it('refuses a revoked key (KEY_REVOKED) and another workspace’s (KEY_NOT_FOUND)', () => {
    given([restrictedKey(), shared('workflows', 'wf_42', 'read'), keyRevoked()]).when(unshareResource()).then(revoked);
    given([restrictedKey(), shared('workflows', 'wf_42', 'read')]).when(unshareResource({ workspaceId: OTHER_WORKSPACE_ID })).then(noSuchKey);
  });
});

describe('keyPermissionsImmutable', () => {
  const policy = accessPolicy({ settings: { keyPermissionsImmutable: true } });
  const edits: [string, KeyCommand][] = [
    ['SetKeyRoles', setRoles(['read-only'], { policy })],
    ['SetKeyPermissions', setPermissions({ calls: 'read' }, { policy })],
    ['ShareResource', shareResource({ resourceId: 'wf_43', policy })],
    ['UnshareResource', unshareResource({ policy })],
  ];

  it.each(edits)('%s: 409 CONFLICT whose message says to delete the key and create a new one', (_, command) => {
    let caught: unknown;
    try {
      keyDecider.decide(command, [restrictedKey(), shared('workflows', 'wf_42', 'read')].reduce(keyDecider.evolve, keyDecider.initialState()), NOW);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(DomainError);
    expect((caught as DomainError).code).toBe(ErrorCodes.conflict);
    expect((caught as DomainError).message).toMatch(/delete the key and create a new one/);
  });

  it('still lets a key be revoked and deleted', () => {
    given([restrictedKey()]).when(revokeKey()).then([keyRevoked()]);
    given([restrictedKey()]).when(deleteKey()).then([keyDeleted()]);
  });

  it('says KEY_REVOKED first for a revoked key', () => {
    given([restrictedKey(), keyRevoked()]).when(setRoles(['read-only'], { policy })).then(revoked);
  });
});
