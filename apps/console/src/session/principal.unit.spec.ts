import { can, type Principal } from './principal';

const key = (permissions: string[]): Principal => ({ workspaceId: 'default', keyId: 'key_1', root: false, permissions });

describe('can: what the console offers a principal', () => {
  it('gives the root key everything', () => {
    expect(can({ workspaceId: 'default', keyId: null, root: true, permissions: [] }, 'api_keys', 'write')).toBe(true);
  });

  it('reads with read or write, writes only with write', () => {
    expect(can(key(['api_keys:read']), 'api_keys', 'read')).toBe(true);
    expect(can(key(['api_keys:read']), 'api_keys', 'write')).toBe(false);
    expect(can(key(['api_keys:write']), 'api_keys', 'read')).toBe(true);
  });

  it('takes * for any resource, and no other resource or share for this one', () => {
    expect(can(key(['*:read']), 'audit', 'read')).toBe(true);
    expect(can(key(['*:read']), 'audit', 'write')).toBe(false);
    expect(can(key(['roles:write', 'api_keys/key_9:write']), 'api_keys', 'write')).toBe(false);
    expect(can(key([]), 'api_keys', 'read')).toBe(false);
  });
});
