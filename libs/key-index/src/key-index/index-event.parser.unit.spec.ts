import { MalformedEventError, parseIndexEvent } from './index-event.parser';

const HASH = 'a'.repeat(64);
const created = { keyId: 'key_1', workspaceId: 'ws_1', name: 'n', environment: 'live', secretHash: HASH, prefix: 'kw_live_abcd', lastFour: 'wxyz', createdAt: '2026-01-01T00:00:00Z', expiresAt: null, roles: ['role_a'], permissions: { calls: 'read', '*': 'none' }, unrestricted: false };

/** The store's data is checked field by field before the index touches it; errors never quote it. */
describe('parseIndexEvent', () => {
  it('keeps only the fields the index reads', () => {
    expect(parseIndexEvent({ type: 'KeyCreated', data: created })).toEqual({
      type: 'KeyCreated',
      data: { keyId: 'key_1', workspaceId: 'ws_1', name: 'n', environment: 'live', secretHash: HASH, expiresAt: null, roles: ['role_a'], permissions: { calls: 'read', '*': 'none' }, unrestricted: false, ratelimit: null, ipAllowlist: null, credits: null, ratelimits: [], meta: null, identityId: null },
    });
    expect(parseIndexEvent({ type: 'WorkspaceCreated', data: { workspaceId: 'ws_1', name: 'w', plan: 'pro', settings: {}, createdAt: '' } })).toEqual({
      type: 'WorkspaceCreated',
      data: { workspaceId: 'ws_1', plan: 'pro', rateLimitWhenUnreachable: 'allow' },
    });
  });

  it('reads credits with their generation and when they were set, named limits, metadata and identity', () => {
    const limit = { name: 'tokens', limit: 10, windowSeconds: 60, autoApply: false };
    const full = { ...created, credits: { remaining: 5, refill: { interval: 'daily', amount: 7 } }, ratelimits: [limit], meta: { plan: 'gold' }, identityId: 'idn_1' };
    expect(parseIndexEvent({ type: 'KeyCreated', data: full })?.data).toMatchObject({
      credits: { remaining: 5, refill: { interval: 'daily', amount: 7 }, generation: 1, setAtMs: Date.parse('2026-01-01T00:00:00Z') },
      ratelimits: [limit],
      meta: { plan: 'gold' },
      identityId: 'idn_1',
    });
    expect(parseIndexEvent({ type: 'KeyCreditsChanged', data: { keyId: 'key_1', credits: null, generation: 3, changedAt: '2026-01-02T00:00:00Z' } })?.data).toEqual({ keyId: 'key_1', credits: null });
    // `{}` is no metadata: the index keeps null, as for a key that never had any.
    expect(parseIndexEvent({ type: 'KeyMetaChanged', data: { keyId: 'key_1', meta: {} } })?.data).toEqual({ keyId: 'key_1', meta: null });
    expect(
      parseIndexEvent({ type: 'IdentityChanged', data: { identityId: 'idn_1', workspaceId: 'ws_1', credits: { credits: { remaining: 9 }, generation: 2 }, changedAt: '2026-01-03T00:00:00Z' } })?.data,
    ).toEqual({ identityId: 'idn_1', workspaceId: 'ws_1', credits: { remaining: 9, generation: 2, setAtMs: Date.parse('2026-01-03T00:00:00Z') } });
  });

  it('reads every external id the domain allows: 255 code points, 510 UTF-16 units of emoji included', () => {
    const externalId = '😀'.repeat(255);
    const data = { identityId: 'idn_1', workspaceId: 'ws_1', externalId, meta: {}, ratelimits: [], createdAt: '2026-01-01T00:00:00Z' };
    expect(parseIndexEvent({ type: 'IdentityCreated', data })?.data).toMatchObject({ externalId });
    expect(parseIndexEvent({ type: 'IdentityChanged', data: { identityId: 'idn_1', workspaceId: 'ws_1', externalId, changedAt: '2026-01-01T00:00:00Z' } })?.data).toMatchObject({ externalId });
  });

  it('refuses a list of named limits that names one twice', () => {
    const limit = { name: 'a', limit: 1, windowSeconds: 1, autoApply: true };
    expect(() => parseIndexEvent({ type: 'KeyNamedRateLimitsChanged', data: { keyId: 'key_1', ratelimits: [limit, limit] } })).toThrow(MalformedEventError);
  });

  it('answers undefined for a type the index does not read', () => {
    expect(parseIndexEvent({ type: 'CredentialStored', data: { secret: 'x' } })).toBeUndefined();
  });

  it.each<[string, string, Record<string, unknown>]>([
    ['KeyCreated', 'environment', { ...created, environment: 'prod' }],
    ['KeyCreated', 'secretHash', { ...created, secretHash: 'A'.repeat(64) }],
    ['KeyCreated', 'unrestricted', { ...created, unrestricted: 'yes' }],
    ['KeyCreated', 'permissions', { ...created, permissions: { 'Not A Resource': 'read' } }],
    ['KeyCreated', 'roles', { ...created, roles: [''] }],
    ['KeyCreated', 'keyId', { ...created, keyId: 'k'.repeat(201) }],
    ['ResourceShared', 'resourceId', { keyId: 'key_1', resource: 'files', resourceId: 'has space', access: 'read' }],
    ['RoleCreated', 'roleId', { roleId: 'admin', workspaceId: 'ws_1', permissions: [] }],
    ['WorkspaceCreated', 'plan', { workspaceId: 'ws_1', plan: 'toString' }],
    ['KeyCreated', 'credits', { ...created, credits: { remaining: -1 } }],
    ['KeyCreated', 'credits', { ...created, credits: { remaining: 5, refill: { interval: 'hourly', amount: 5 } } }],
    ['KeyCreated', 'ratelimits', { ...created, ratelimits: [{ name: 'has space', limit: 1, windowSeconds: 1, autoApply: true }] }],
    ['KeyCreated', 'ratelimits', { ...created, ratelimits: [{ name: 'a', limit: 0, windowSeconds: 1, autoApply: true }] }],
    ['KeyCreated', 'meta', { ...created, meta: ['not', 'an', 'object'] }],
    ['KeyCreditsChanged', 'generation', { keyId: 'key_1', credits: { remaining: 1 }, generation: 0, changedAt: '2026-01-01T00:00:00Z' }],
    ['KeyNamedRateLimitsChanged', 'ratelimits', { keyId: 'key_1', ratelimits: 7 }],
    ['IdentityCreated', 'externalId', { identityId: 'idn_1', workspaceId: 'ws_1', externalId: 'e'.repeat(256), meta: {}, ratelimits: [], createdAt: '2026-01-01T00:00:00Z' }],
    ['IdentityChanged', 'externalId', { identityId: 'idn_1', workspaceId: 'ws_1', externalId: 'has\u0000nul', changedAt: '2026-01-01T00:00:00Z' }],
  ])('refuses a %s with a bad %s, naming the field and not its value', (type, field, data) => {
    let error: unknown;
    try {
      parseIndexEvent({ type, data });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(MalformedEventError);
    const message = (error as Error).message;
    expect(message).toContain(`${type}: ${field}`);
    const value = JSON.stringify(data[field]);
    expect(message).not.toContain(typeof data[field] === 'string' ? String(data[field]) : value);
  });

  it('refuses data that is not an object', () => {
    expect(() => parseIndexEvent({ type: 'KeyRevoked', data: 'key_1' })).toThrow(new MalformedEventError('KeyRevoked: data is not an object'));
  });

  it('does not read inherited properties as fields', () => {
    const data: Record<string, unknown> = Object.create({ keyId: 'key_1' });
    expect(() => parseIndexEvent({ type: 'KeyRevoked', data })).toThrow(MalformedEventError);
  });
});
