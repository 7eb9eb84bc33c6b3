import { KeyIndex } from './key-index';
import { indexedKey, indexOf, keyCreated, recorded, workspaceCreated } from '../testing/verifier-events';

const rateLimitChanged = (keyId: string, ratelimit: { limit: number; windowSeconds: number } | null) => recorded({ type: 'KeyRateLimitChanged', data: { keyId, ratelimit } });
const allowlistChanged = (keyId: string, ipAllowlist: string[]) => recorded({ type: 'KeyIpAllowlistChanged', data: { keyId, ipAllowlist } });
const settingsChanged = (workspaceId: string, settings: Record<string, unknown>) => recorded({ type: 'WorkspaceSettingsChanged', data: { workspaceId, settings, changedAt: '' } });
const restored = (from: KeyIndex): KeyIndex => {
  const index = new KeyIndex();
  index.restore(structuredClone(from.snapshot()));
  return index;
};

describe('KeyIndex: rate limits, allowlists and the workspace’s rateLimitWhenUnreachable', () => {
  it('exposes a key’s rate limit in milliseconds, and none for a key without', () => {
    const limited = keyCreated({ ratelimit: { limit: 50, windowSeconds: 10 } });
    const plain = keyCreated();
    const index = indexOf(limited.event, plain.event);
    expect(indexedKey(index, limited.secret)).toMatchObject({ ratelimit: { limit: 50, windowMs: 10_000 }, ipAllowlist: null });
    expect(indexedKey(index, plain.secret)).toMatchObject({ ratelimit: null, ipAllowlist: null });
  });

  it('follows rate limit changes, and clears it', () => {
    const key = keyCreated();
    const index = indexOf(key.event, rateLimitChanged(key.keyId, { limit: 5, windowSeconds: 1 }));
    expect(indexedKey(index, key.secret)?.ratelimit).toEqual({ limit: 5, windowMs: 1_000 });
    index.apply(rateLimitChanged(key.keyId, null));
    expect(indexedKey(index, key.secret)?.ratelimit).toBeNull();
  });

  it('keeps only the live keys that have limits in a snapshot, and restores them', () => {
    const limited = keyCreated({ ratelimit: { limit: 7, windowSeconds: 60 }, ipAllowlist: ['10.0.0.0/8'] });
    const revoked = keyCreated({ ratelimit: { limit: 1, windowSeconds: 1 } });
    const plain = keyCreated();
    const index = indexOf(limited.event, revoked.event, plain.event, recorded({ type: 'KeyRevoked', data: { keyId: revoked.keyId, revokedAt: '' } }));
    expect(index.snapshot().limits).toEqual({ rateLimits: [[0, 7, 60]], ipAllowlists: [[0, ['10.0.0.0/8']]] });
    const copy = restored(index);
    expect(indexedKey(copy, limited.secret)?.ratelimit).toEqual({ limit: 7, windowMs: 60_000 });
    expect(indexedKey(copy, limited.secret)?.ipAllowlist?.allows('10.1.1.1')).toBe(true);
    expect(indexedKey(copy, plain.secret)).toMatchObject({ ratelimit: null, ipAllowlist: null });
    copy.apply(allowlistChanged(limited.keyId, []));
    expect(indexedKey(copy, limited.secret)?.ipAllowlist).toBeNull();
  });

  it('takes rateLimitWhenUnreachable from creation and settings changes; settings from before it read as allow', () => {
    const key = keyCreated({ workspaceId: 'ws_a' });
    const index = indexOf(
      recorded({ type: 'WorkspaceCreated', data: { workspaceId: 'ws_a', name: 'a', plan: 'pro', settings: { keyPermissionsImmutable: false, resourceCatalogue: [] }, createdAt: '' } }),
      key.event,
    );
    expect(indexedKey(index, key.secret)?.workspace.rateLimitWhenUnreachable).toBe('allow');
    index.apply(settingsChanged('ws_a', { keyPermissionsImmutable: false, resourceCatalogue: [], rateLimitWhenUnreachable: 'deny' }));
    expect(indexedKey(index, key.secret)?.workspace.rateLimitWhenUnreachable).toBe('deny');
    expect(indexedKey(restored(index), key.secret)?.workspace).toMatchObject({ plan: 'pro', rateLimitWhenUnreachable: 'deny' });
    expect(indexedKey(indexOf(keyCreated().event), keyCreated().secret)).toBeUndefined();
    expect(indexOf(workspaceCreated('ws_b', 'pro')).snapshot().workspaces).toContainEqual(['ws_b', 'pro', 'allow']);
  });

  it.each([
    ['a rate limit of 0', { type: 'KeyRateLimitChanged', data: { keyId: 'key_1', ratelimit: { limit: 0, windowSeconds: 1 } } }],
    ['a rate limit change without its field', { type: 'KeyRateLimitChanged', data: { keyId: 'key_1' } }],
    ['an allowlist entry that is no address', { type: 'KeyIpAllowlistChanged', data: { keyId: 'key_1', ipAllowlist: ['example.com'] } }],
    ['an allowlist change without its list', { type: 'KeyIpAllowlistChanged', data: { keyId: 'key_1' } }],
    ['a creation with a bad allowlist', { type: 'KeyCreated', data: { ...keyCreated().event.data as object, ipAllowlist: 'any' } }],
    ['an unknown rateLimitWhenUnreachable', { type: 'WorkspaceSettingsChanged', data: { workspaceId: 'ws_a', settings: { rateLimitWhenUnreachable: 'maybe' } } }],
    ['settings that are no object', { type: 'WorkspaceSettingsChanged', data: { workspaceId: 'ws_a', settings: null } }],
  ])('refuses %s as malformed, naming the field only', (_, event) => {
    expect(() => new KeyIndex().apply(recorded(event))).toThrow(/(ratelimit|ipAllowlist|settings)[^:]* is missing or invalid$/);
  });
});

describe('KeyLimits sharing', () => {
  it('gives keys with equal limits and lists the same objects, and keeps unequal ones apart', () => {
    const [a, b, c] = [
      keyCreated({ ratelimit: { limit: 5, windowSeconds: 1 }, ipAllowlist: ['10.0.0.0/8', '192.0.2.1'] }),
      keyCreated({ ratelimit: { limit: 5, windowSeconds: 1 }, ipAllowlist: ['10.0.0.0/8', '192.0.2.1'] }),
      keyCreated({ ratelimit: { limit: 5, windowSeconds: 2 }, ipAllowlist: ['192.0.2.1', '10.0.0.0/8'] }),
    ];
    const index = indexOf(a.event, b.event, c.event);
    const [ka, kb, kc] = [a, b, c].map((k) => indexedKey(index, k.secret));
    expect(ka?.ratelimit).toBe(kb?.ratelimit);
    expect(ka?.ipAllowlist).toBe(kb?.ipAllowlist);
    expect(kc?.ratelimit).toEqual({ limit: 5, windowMs: 2_000 });
    expect(kc?.ipAllowlist).not.toBe(ka?.ipAllowlist);
    expect(kc?.ipAllowlist?.entries).toEqual(['192.0.2.1', '10.0.0.0/8']);
  });
});
