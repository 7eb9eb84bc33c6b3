import { generateKeySecret, storedSecretOf } from '@keyward/domain';
import { KeyIndex } from '../key-index/key-index';
import { askOf, indexOf, keyCreated, planChanged, recorded, restrictedKey, roleChanged, roleCreated, shared, TEST_NOW, TEST_PEPPER, workspaceCreated } from '../testing/verifier-events';

const revoked = (keyId: string) => recorded({ type: 'KeyRevoked', data: { keyId, revokedAt: '' } });

/** A snapshot stands for the history up to it: restored, it answers as a replay would, and goes on from there. */
describe('KeyIndex: snapshot and restore', () => {
  const plain = keyCreated({ expiresAt: '2030-01-01T00:00:00.000Z', name: 'plain' });
  const withRole = restrictedKey(['role_a'], { files: 'read' }, 'ws_a');
  const gone = keyCreated();
  const rotated = keyCreated();
  const next = generateKeySecret('live');
  const history = [
    workspaceCreated('ws_a', 'enterprise'),
    workspaceCreated('ws_empty', 'pro'),
    roleCreated('role_a', ['calls:read'], 'ws_a'),
    plain.event,
    withRole.event,
    gone.event,
    rotated.event,
    revoked(gone.keyId),
    recorded({ type: 'KeyRotated', data: { keyId: rotated.keyId, ...storedSecretOf(TEST_PEPPER, next), previousKeyExpiresAt: new Date(TEST_NOW - 1).toISOString() } }),
    shared(withRole.keyId, { resource: 'workflows', resourceId: 'wf_1', access: 'read' }),
  ];
  const secrets = [plain.secret, withRole.secret, gone.secret, rotated.secret, next, generateKeySecret('live')];
  const restored = (from: KeyIndex): KeyIndex => {
    const index = new KeyIndex();
    index.restore(structuredClone(from.snapshot()));
    return index;
  };

  it('answers every secret as the index it was taken from', () => {
    const original = indexOf(...history);
    const copy = restored(original);
    expect(copy.size).toBe(original.size);
    for (const secret of secrets) for (const require of [undefined, 'calls:read', 'workflows/wf_1:read']) expect(askOf(copy)({ key: secret, require })).toEqual(askOf(original)({ key: secret, require }));
  });

  it('follows later events as the original does: role edits, plan changes, revocations, new keys', () => {
    const original = indexOf(...history);
    const copy = restored(original);
    const later = keyCreated({ workspaceId: 'ws_empty' });
    for (const event of [roleChanged('role_a', ['calls:write'], 'ws_a'), planChanged('ws_a', 'free'), revoked(plain.keyId), later.event]) {
      original.apply(event);
      copy.apply(event);
    }
    for (const secret of [...secrets, later.secret]) expect(askOf(copy)({ key: secret, require: 'calls:write' })).toEqual(askOf(original)({ key: secret, require: 'calls:write' }));
  });

  it('refuses to restore into an index that holds keys already', () => {
    const index = indexOf(plain.event);
    expect(() => index.restore(index.snapshot())).toThrow('empty index');
  });

  it('refuses a second key with a hash already indexed', () => {
    const index = indexOf(plain.event);
    const twin = keyCreated();
    const data = { ...(twin.event.data as object), secretHash: (plain.event.data as { secretHash: string }).secretHash };
    expect(() => index.apply(recorded({ type: 'KeyCreated', data }))).toThrow('secretHash is already indexed');
    expect(index.size).toBe(1);
  });
});
