import { indexOf, keyCreated, permissionsOf, recorded, restrictedKey, roleChanged, roleCreated, shared, indexedKey } from '../testing/verifier-events';

/** A key's own access events (roles, levels, shares) change what it holds at once. */
describe('KeyIndex: a key’s own access', () => {
  it('a key holds the union of its roles, its direct levels and its shares', () => {
    const key = restrictedKey(['role_a', 'role_b', 'read-only'], { files: 'write', billing: 'none' });
    const index = indexOf(roleCreated('role_a', ['calls:read']), roleCreated('role_b', ['contacts:write']), key.event);
    index.apply(shared(key.keyId, { resource: 'workflows', resourceId: 'wf_1', access: 'write' }));
    expect(indexedKey(index, key.secret)?.granted.roles).toEqual(['role_a', 'role_b', 'read-only']);
    expect(permissionsOf(index, key.secret)).toEqual(['*:read', 'calls:read', 'contacts:write', 'files:write', 'workflows/wf_1:write']);
  });

  it('an unrestricted key holds everything and lists no roles', () => {
    const key = keyCreated({ unrestricted: true, roles: ['role_a'] });
    const index = indexOf(roleCreated('role_a', ['calls:read']), key.event);
    expect(indexedKey(index, key.secret)?.granted).toMatchObject({ roles: [], permissions: ['*:write'] });
  });

  it('assigning and unassigning move the key between role holders', () => {
    const key = restrictedKey(['role_a']);
    const index = indexOf(roleCreated('role_a', ['calls:read']), roleCreated('role_b', ['contacts:read']), key.event);
    index.apply(recorded({ type: 'RoleAssigned', data: { keyId: key.keyId, roleId: 'role_b' } }));
    index.apply(recorded({ type: 'RoleUnassigned', data: { keyId: key.keyId, roleId: 'role_a' } }));
    expect(permissionsOf(index, key.secret)).toEqual(['contacts:read']);
    // No longer a holder of role_a: its edit leaves the key alone; still a holder of role_b.
    index.apply(roleChanged('role_a', ['*:write']));
    expect(permissionsOf(index, key.secret)).toEqual(['contacts:read']);
    index.apply(roleChanged('role_b', ['contacts:write']));
    expect(permissionsOf(index, key.secret)).toEqual(['contacts:write']);
  });

  it('changing permissions replaces the levels, and may make the key unrestricted', () => {
    const key = restrictedKey([], { calls: 'write' });
    const index = indexOf(key.event);
    index.apply(recorded({ type: 'KeyPermissionsChanged', data: { keyId: key.keyId, permissions: { contacts: 'read' }, unrestricted: false } }));
    expect(permissionsOf(index, key.secret)).toEqual(['contacts:read']);
    index.apply(recorded({ type: 'KeyPermissionsChanged', data: { keyId: key.keyId, permissions: {}, unrestricted: true } }));
    expect(permissionsOf(index, key.secret)).toEqual(['*:write']);
  });

  it('a share is one instance; sharing it again replaces its level, unsharing takes it back', () => {
    const key = restrictedKey([], { calls: 'read' });
    const index = indexOf(key.event);
    index.apply(shared(key.keyId, { resource: 'workflows', resourceId: 'wf_1', access: 'read' }));
    index.apply(shared(key.keyId, { resource: 'workflows', resourceId: 'wf_1', access: 'write' }));
    expect(permissionsOf(index, key.secret)).toEqual(['calls:read', 'workflows/wf_1:write']);
    index.apply(recorded({ type: 'ResourceUnshared', data: { keyId: key.keyId, resource: 'workflows', resourceId: 'wf_1' } }));
    expect(permissionsOf(index, key.secret)).toEqual(['calls:read']);
  });

  it('a role assigned before it is created grants nothing, then its permissions once created', () => {
    const key = restrictedKey(['role_late']);
    const index = indexOf(key.event);
    expect(indexedKey(index, key.secret)?.granted).toMatchObject({ roles: [], permissions: [] });
    index.apply(roleCreated('role_late', ['calls:read']));
    expect(indexedKey(index, key.secret)?.granted).toMatchObject({ roles: ['role_late'], permissions: ['calls:read'] });
  });
});
