import { generateKeySecret, storedSecretOf } from '@keyward/domain';
import { KeyIndex } from '../key-index/key-index';
import {
  askLaterOf,
  askOf,
  contextOf,
  identityChanged,
  identityCreated,
  indexOf,
  keyChanged,
  keyCreated,
  planChanged,
  recorded,
  restrictedKey,
  roleChanged,
  roleCreated,
  shared,
  TEST_NOW,
  TEST_PEPPER,
  workspaceCreated,
} from '../testing/verifier-events';

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

  describe('credits, named limits, metadata, identities and disabling', () => {
    const limit = { name: 'requests', limit: 5, windowSeconds: 60, autoApply: true };
    const withAll = keyCreated({ identityId: 'idn_1', credits: { remaining: 9, refill: { interval: 'daily', amount: 9 } }, ratelimits: [limit], meta: { tier: 'gold' } });
    const ofIdentity = keyCreated({ identityId: 'idn_1' });
    const disabled = keyCreated();
    const foreign = keyCreated({ identityId: 'idn_2' });
    const extrasHistory = [
      identityCreated('idn_1', { externalId: 'user_1', meta: { org: 'acme' }, ratelimits: [{ ...limit, name: 'shared', limit: 7 }], credits: { remaining: 3 } }),
      identityCreated('idn_2', { workspaceId: 'ws_other' }),
      withAll.event,
      ofIdentity.event,
      disabled.event,
      foreign.event,
      keyChanged('KeyDisabled', { keyId: disabled.keyId, disabledAt: '' }),
      keyChanged('KeyCreditsChanged', { keyId: withAll.keyId, credits: { remaining: 4 }, generation: 2, changedAt: '2026-11-23T09:00:00.000Z' }),
      identityChanged('idn_1', { credits: { credits: { remaining: 8 }, generation: 2 } }),
    ];
    const extraSecrets = [withAll.secret, ofIdentity.secret, disabled.secret, foreign.secret];
    const askBoth = async (original: KeyIndex, copy: KeyIndex, request: object): Promise<void> => {
      for (const secret of extraSecrets) {
        const [expected, got] = await Promise.all([askLaterOf(contextOf(original))({ ...request, key: secret }), askLaterOf(contextOf(copy))({ ...request, key: secret })]);
        expect(got).toEqual(expected);
      }
    };

    it('answers as the index it was taken from, and carries every field', async () => {
      const original = indexOf(...extrasHistory);
      const copy = restored(original);
      expect(copy.snapshot()).toEqual(original.snapshot());
      await askBoth(original, copy, {});
      await askBoth(original, copy, { cost: 2, ratelimits: [{ name: 'shared', cost: 3 }] });
      // The answers hold what the snapshot must have carried.
      await expect(askLaterOf(contextOf(copy))({ key: withAll.secret })).resolves.toMatchObject({
        meta: { tier: 'gold' },
        identity: { id: 'idn_1', externalId: 'user_1', meta: { org: 'acme' } },
        credits: { remaining: 3 },
        ratelimits: [{ name: 'requests' }, { name: 'shared' }],
      });
      await expect(askLaterOf(contextOf(copy))({ key: ofIdentity.secret })).resolves.toMatchObject({ credits: { remaining: 7 } });
      await expect(askLaterOf(contextOf(copy))({ key: disabled.secret })).resolves.toMatchObject({ code: 'DISABLED' });
      await expect(askLaterOf(contextOf(copy))({ key: foreign.secret })).resolves.toMatchObject({ code: 'DISABLED' });
    });

    it('follows later changes as the original does', async () => {
      const original = indexOf(...extrasHistory);
      const copy = restored(original);
      for (const event of [keyChanged('KeyEnabled', { keyId: disabled.keyId, enabledAt: '' }), identityChanged('idn_1', { meta: {} }), keyChanged('KeyMetaChanged', { keyId: withAll.keyId, meta: {} })]) {
        original.apply(event);
        copy.apply(event);
      }
      await askBoth(original, copy, {});
    });

    it('holds nothing of the kind for keys without any: they cost no extra memory', () => {
      const index = indexOf(keyCreated().event, restrictedKey(['role_a']).event);
      expect(index.snapshot().extras).toEqual([]);
      index.apply(keyChanged('KeyDisabled', { keyId: index.snapshot().keys.ids[0], disabledAt: '' }));
      index.apply(keyChanged('KeyEnabled', { keyId: index.snapshot().keys.ids[0], enabledAt: '' }));
      expect(index.snapshot().extras).toEqual([]);
    });
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
