import { MalformedEventError, parseIndexEvent } from './index-event.parser';

const HASH = 'a'.repeat(64);
const created = { keyId: 'key_1', workspaceId: 'ws_1', name: 'n', environment: 'live', secretHash: HASH, prefix: 'kw_live_abcd', lastFour: 'wxyz', createdAt: '2026-01-01T00:00:00Z', expiresAt: null, roles: ['role_a'], permissions: { calls: 'read', '*': 'none' }, unrestricted: false };

/** The store's data is checked field by field before the index touches it; errors never quote it. */
describe('parseIndexEvent', () => {
  it('keeps only the fields the index reads', () => {
    expect(parseIndexEvent({ type: 'KeyCreated', data: created })).toEqual({
      type: 'KeyCreated',
      data: { keyId: 'key_1', workspaceId: 'ws_1', name: 'n', environment: 'live', secretHash: HASH, expiresAt: null, roles: ['role_a'], permissions: { calls: 'read', '*': 'none' }, unrestricted: false, ratelimit: null, ipAllowlist: null },
    });
    expect(parseIndexEvent({ type: 'WorkspaceCreated', data: { workspaceId: 'ws_1', name: 'w', plan: 'pro', settings: {}, createdAt: '' } })).toEqual({
      type: 'WorkspaceCreated',
      data: { workspaceId: 'ws_1', plan: 'pro', rateLimitWhenUnreachable: 'allow' },
    });
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
