import { indexedKey, indexOf, restrictedKey, roleCreated, shared } from '../testing/verifier-events';

/** 100,000 keys must fit in little memory: keys share what they have in common rather than copy it. */
describe('KeyIndex: shared structures', () => {
  it('keys with the same access share one access object and one precomputed set', () => {
    const [a, b] = [restrictedKey(['read-only'], { calls: 'write' }), restrictedKey(['read-only'], { calls: 'write' })];
    const index = indexOf(a.event, b.event);
    expect(indexedKey(index, a.secret)?.access).toBe(indexedKey(index, b.secret)?.access);
    expect(indexedKey(index, a.secret)?.granted).toBe(indexedKey(index, b.secret)?.granted);
  });

  it('holders of a role read the role’s own parsed grants, not copies', () => {
    const [a, b] = [restrictedKey(['role_a']), restrictedKey(['role_a'], { files: 'read' })];
    const index = indexOf(roleCreated('role_a', ['calls:read']), a.event, b.event);
    const fromRole = (secret: string) => indexedKey(index, secret)?.granted.grants.find((g) => g.resource === 'calls');
    expect(fromRole(a.secret)).toBeDefined();
    expect(fromRole(a.secret)).toBe(fromRole(b.secret));
  });

  it('a key whose access changes gets its own set; its former twin keeps the shared one', () => {
    const [a, b] = [restrictedKey(['read-only']), restrictedKey(['read-only'])];
    const index = indexOf(a.event, b.event);
    const before = indexedKey(index, b.secret)?.granted;
    index.apply(shared(a.keyId, { resource: 'files', resourceId: 'f1', access: 'read' }));
    expect(indexedKey(index, a.secret)?.granted).not.toBe(before);
    expect(indexedKey(index, b.secret)?.granted).toBe(before);
  });

  it('shared objects are frozen, so no key can change another’s access through them', () => {
    const key = restrictedKey(['read-only']);
    const index = indexOf(key.event);
    const found = indexedKey(index, key.secret);
    expect(Object.isFrozen(found?.access)).toBe(true);
    expect(Object.isFrozen(found?.access.roles)).toBe(true);
    expect(Object.isFrozen(found?.granted)).toBe(true);
  });
});
