import { generateKeySecret, storedSecretOf } from '@keyward/domain';
import { indexedKey, indexOf, keyCreated, recorded, restrictedKey, roleCreated, TEST_PEPPER } from '../testing/verifier-events';
import { MalformedEventError } from './index-event.parser';

type Untyped = { type: string; data: unknown };

/** A bad event must be refused whole, so that the follower can skip it and the index stays as it was. */
describe('KeyIndex: malformed and foreign events', () => {
  const held = restrictedKey(['role_a']);

  it.each<[string, Untyped]>([
    ['a KeyCreated without a hash', { type: 'KeyCreated', data: { keyId: 'key_x', workspaceId: 'default', roles: [], permissions: {} } }],
    ['a KeyCreated with roles that are not a list', keyCreated({ roles: 7 as unknown as string[] }).event],
    ['a KeyCreated with an expiry that is no date', keyCreated({ expiresAt: 'soon' }).event],
    ['a KeyCreated with a level that is not one', keyCreated({ permissions: { calls: 'all' } as never }).event],
    ['a KeyCreated for a key already indexed', { ...held.event }],
    ['a KeyRotated whose grace period ends at no date', { type: 'KeyRotated', data: { keyId: held.keyId, ...storedSecretOf(TEST_PEPPER, generateKeySecret('live')), previousKeyExpiresAt: 'later' } }],
    ['a RoleCreated with permissions that are not a list', { type: 'RoleCreated', data: { roleId: 'role_a', workspaceId: 'default', permissions: 'all' } }],
    ['a RolePermissionsChanged for a built-in role', { type: 'RolePermissionsChanged', data: { roleId: 'read-only', workspaceId: 'default', permissions: ['*:write'] } }],
    ['a RoleDeleted without a workspace', { type: 'RoleDeleted', data: { roleId: 'role_a' } }],
    ['a WorkspacePlanChanged to an unknown plan', { type: 'WorkspacePlanChanged', data: { workspaceId: 'default', plan: 'gold' } }],
    ['a WorkspacePlanChanged to a prototype property', { type: 'WorkspacePlanChanged', data: { workspaceId: 'default', plan: 'constructor' } }],
    ['a ResourceShared with no level', { type: 'ResourceShared', data: { keyId: held.keyId, resource: 'files', resourceId: 'f1' } }],
    ['a RoleAssigned with data that is null', { type: 'RoleAssigned', data: null }],
  ])('refuses %s, changing nothing', (_, event) => {
    const index = indexOf(roleCreated('role_a', ['calls:read']), held.event);
    const before = indexedKey(index, held.secret);
    const snapshot = { granted: before?.granted, access: before?.access, plan: before?.workspace.plan };
    expect(() => index.apply(recorded(event))).toThrow(MalformedEventError);
    expect(index.size).toBe(1);
    const after = indexedKey(index, held.secret);
    expect(after).toEqual(before);
    expect({ granted: after?.granted, access: after?.access, plan: after?.workspace.plan }).toEqual(snapshot);
    expect(after?.granted.permissions).toEqual(['calls:read']);
  });

  it('a refused rotation leaves the old secret valid and the new one unknown', () => {
    const next = generateKeySecret('live');
    const index = indexOf(held.event);
    expect(() => index.apply(recorded({ type: 'KeyRotated', data: { keyId: held.keyId, ...storedSecretOf(TEST_PEPPER, next), previousKeyExpiresAt: 'later' } }))).toThrow(MalformedEventError);
    expect(indexedKey(index, next)).toBeUndefined();
    expect(indexedKey(index, held.secret)).toBeDefined();
  });

  it('ignores events of types it does not read, and events about keys it never saw', () => {
    const index = indexOf();
    expect(index.apply(recorded({ type: 'CredentialStored', data: {} }))).toBe('ignored');
    expect(index.apply(recorded({ type: 'KeyRevoked', data: { keyId: 'key_unknown', revokedAt: '' } }))).toBe('applied');
    expect(index.size).toBe(0);
  });
});
