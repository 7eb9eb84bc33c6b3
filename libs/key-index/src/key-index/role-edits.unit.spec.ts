import { indexedKey, indexOf, permissionsOf, restrictedKey, roleChanged, roleCreated, roleDeleted } from '../testing/verifier-events';

/** Editing or deleting a role changes every key holding it, and only those (issue 3, item 3). */
describe('KeyIndex: role edits and deletes', () => {
  it('a role edit recomputes every holder, and only its holders', () => {
    const holders = [restrictedKey(['role_a']), restrictedKey(['role_a', 'read-only'], { files: 'write' })];
    const other = restrictedKey(['role_b'], { calls: 'read' });
    const index = indexOf(roleCreated('role_a', ['calls:read']), roleCreated('role_b', ['contacts:read']), ...[...holders, other].map((k) => k.event));
    const otherBefore = indexedKey(index, other.secret)?.granted;
    index.apply(roleChanged('role_a', ['calls:write']));
    expect(permissionsOf(index, holders[0].secret)).toEqual(['calls:write']);
    expect(permissionsOf(index, holders[1].secret)).toEqual(['*:read', 'calls:write', 'files:write']);
    // Not recomputed at all: the very same precomputed set.
    expect(indexedKey(index, other.secret)?.granted).toBe(otherBefore);
  });

  it('a role edit that takes a permission away takes it from its holders', () => {
    const key = restrictedKey(['role_a']);
    const index = indexOf(roleCreated('role_a', ['calls:write', 'contacts:read']), key.event);
    index.apply(roleChanged('role_a', ['contacts:read']));
    expect(permissionsOf(index, key.secret)).toEqual(['contacts:read']);
  });

  it('a deleted role is gone from the roles and grants of its holders', () => {
    const key = restrictedKey(['role_a', 'read-only']);
    const index = indexOf(roleCreated('role_a', ['calls:write']), key.event);
    index.apply(roleDeleted('role_a'));
    expect(indexedKey(index, key.secret)?.granted).toMatchObject({ roles: ['read-only'], permissions: ['*:read'] });
  });

  it('built-in roles resolve without any event', () => {
    const admin = restrictedKey(['admin']);
    const reader = restrictedKey(['read-only']);
    const index = indexOf(admin.event, reader.event);
    expect(indexedKey(index, admin.secret)?.granted).toMatchObject({ roles: ['admin'], permissions: ['*:write'] });
    expect(indexedKey(index, reader.secret)?.granted).toMatchObject({ roles: ['read-only'], permissions: ['*:read'] });
  });
});
