import { indexedKey, indexOf, keyDeleted, recorded, restrictedKey, roleChanged, roleCreated } from '../testing/verifier-events';

/** A deleted key is revoked for good (product.md section 4: REVOKED "revoked or deleted"). */
describe('KeyIndex: deleted and revoked keys', () => {
  it('KeyDeleted marks the key revoked, and it stays findable so it answers REVOKED, not NOT_FOUND', () => {
    const key = restrictedKey(['read-only']);
    const index = indexOf(key.event);
    index.apply(keyDeleted(key.keyId));
    expect(indexedKey(index, key.secret)?.revoked).toBe(true);
    expect(index.size).toBe(1);
  });

  it('a deleted key is no longer a holder: later role edits and access events leave it alone', () => {
    const key = restrictedKey(['role_a']);
    const index = indexOf(roleCreated('role_a', ['calls:read']), key.event);
    const before = indexedKey(index, key.secret)?.granted;
    index.apply(keyDeleted(key.keyId));
    index.apply(roleChanged('role_a', ['*:write']));
    index.apply(recorded({ type: 'RoleAssigned', data: { keyId: key.keyId, roleId: 'admin' } }));
    expect(indexedKey(index, key.secret)?.granted).toBe(before);
  });

  it('deleting a revoked key keeps it revoked', () => {
    const key = restrictedKey(['read-only']);
    const index = indexOf(key.event, recorded({ type: 'KeyRevoked', data: { keyId: key.keyId, revokedAt: '' } }), keyDeleted(key.keyId));
    expect(indexedKey(index, key.secret)?.revoked).toBe(true);
  });
});
