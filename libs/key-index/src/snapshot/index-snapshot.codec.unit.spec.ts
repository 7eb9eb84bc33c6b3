import { gunzipSync, gzipSync } from 'node:zlib';
import { askOf, identityCreated, indexOf, keyChanged, keyCreated, restrictedKey, roleCreated } from '../testing/verifier-events';
import { KeyIndex } from '../key-index/key-index';
import { decodeIndexSnapshot, encodeIndexSnapshot } from './index-snapshot.codec';
import { UnusableSnapshotError } from './index-snapshot.parser';

const stored = (wire: unknown): Buffer => gzipSync(JSON.stringify(wire));

describe('index snapshot codec', () => {
  const a = keyCreated();
  const b = restrictedKey(['role_a']);
  const original = indexOf(roleCreated('role_a', ['calls:read']), a.event, b.event);

  it('decodes what it encoded into an index that answers the same', async () => {
    const index = new KeyIndex();
    index.restore(await decodeIndexSnapshot(await encodeIndexSnapshot(original.snapshot())));
    for (const secret of [a.secret, b.secret]) expect(askOf(index)({ key: secret, require: 'calls:read' })).toEqual(askOf(original)({ key: secret, require: 'calls:read' }));
  });

  it('carries credits, named limits, metadata, identities and disabling through the bytes', async () => {
    const limit = { name: 'requests', limit: 5, windowSeconds: 60, autoApply: true };
    const plain = keyCreated();
    const withAll = keyCreated({ identityId: 'idn_1', credits: { remaining: 9, refill: { interval: 'monthly', amount: 9 } }, ratelimits: [limit], meta: { tier: 'gold' } });
    const ofIdentity = keyCreated({ identityId: 'idn_1' });
    const from = indexOf(
      identityCreated('idn_1', { meta: { org: 'acme' }, ratelimits: [limit], credits: { remaining: 3 } }),
      plain.event,
      withAll.event,
      ofIdentity.event,
      keyChanged('KeyDisabled', { keyId: plain.keyId, disabledAt: '' }),
    );
    const index = new KeyIndex();
    index.restore(await decodeIndexSnapshot(await encodeIndexSnapshot(from.snapshot())));
    expect(index.snapshot()).toEqual(from.snapshot());
    expect(index.snapshot().extras).toHaveLength(3);
  });

  it('refuses bytes that are not gzip, and gzip that is not JSON', async () => {
    await expect(decodeIndexSnapshot(Buffer.from('not a snapshot'))).rejects.toThrow();
    await expect(decodeIndexSnapshot(gzipSync('{'))).rejects.toThrow(SyntaxError);
  });

  it.each<[string, (wire: Record<string, unknown> & { keys: Record<string, unknown[]>; secrets: Record<string, unknown> }) => void]>([
    ['the format before limits (1)', (w) => (w.format = 1)],
    ['the format before credits and identities (2)', (w) => (w.format = 2)],
    ['a later format', (w) => (w.format = 4)],
    ['extras of a key that does not exist', (w) => (w.extras = [[9, { credits: null, ratelimits: [], meta: null, identityId: null, disabled: true }]])],
    ['extras with a limit name no event can carry', (w) => (w.extras = [[0, { credits: null, ratelimits: [{ name: 'a.b', limit: 1, windowSeconds: 1, autoApply: true }], meta: null, identityId: null, disabled: false }]])],
    ['credits without their generation', (w) => (w.extras = [[0, { credits: { remaining: 1, setAtMs: 0 }, ratelimits: [], meta: null, identityId: null, disabled: false }]])],
    ['an identity without an external id', (w) => (w.identities = [['idn_1', 'default', { meta: {}, ratelimits: [], credits: null }]])],
    ['no identities at all', (w) => delete w.identities],
    ['a workspace without rateLimitWhenUnreachable', (w) => ((w.workspaces as unknown[])[0] = ['default', 'enterprise'])],
    ['a rate limit of a key that does not exist', (w) => ((w.limits as Record<string, unknown>).rateLimits = [[9, 5, 1]])],
    ['a rate limit out of range', (w) => ((w.limits as Record<string, unknown>).rateLimits = [[0, 0, 1]])],
    ['an allowlist entry that is no address', (w) => ((w.limits as Record<string, unknown>).ipAllowlists = [[0, ['example.com']]])],
    ['a key with two allowlists', (w) => ((w.limits as Record<string, unknown>).ipAllowlists = [[0, ['10.0.0.1']], [0, ['10.0.0.2']]])],
    ['no limits at all', (w) => delete w.limits],
    ['a column of another length', (w) => w.keys.names.pop()],
    ['an access index out of range', (w) => (w.keys.access[0] = 99)],
    ['a secret of a key that does not exist', (w) => ((w.secrets.keys as number[])[0] = 5)],
    ['digests of a wrong length', (w) => (w.secrets.digests = Buffer.alloc(33).toString('base64'))],
    ['an unknown plan', (w) => ((w.workspaces as unknown[])[0] = ['default', 'gold'])],
    ['an expiry that is no date', (w) => (w.keys.expiresAt[0] = 'soon')],
  ])('refuses %s, naming the part', async (_, damage) => {
    const wire = JSON.parse(gunzipSync(await encodeIndexSnapshot(original.snapshot())).toString('utf8')) as Parameters<typeof damage>[0];
    damage(wire);
    await expect(decodeIndexSnapshot(stored(wire))).rejects.toThrow(UnusableSnapshotError);
  });
});
