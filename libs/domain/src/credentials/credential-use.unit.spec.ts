import { mayUseCredential } from './credential-use';

describe('mayUseCredential', () => {
  const credential = { ownerKeyId: 'key_owner', sharedWith: { keys: ['key_friend'], roles: ['billing-team'] } };

  it.each([
    ['the owner', { keyId: 'key_owner', roles: [] }],
    ['a key it is shared with', { keyId: 'key_friend', roles: [] }],
    ['a key holding a role it is shared with', { keyId: 'key_other', roles: ['read-only', 'billing-team'] }],
  ])('lets %s use it', (_, user) => {
    expect(mayUseCredential(credential, user)).toBe(true);
  });

  it.each([
    ['another key', { keyId: 'key_other', roles: ['read-only'] }],
    ['the root key, which is not its owner', { keyId: 'root', roles: [] }],
    ['a key named like a role', { keyId: 'billing-team', roles: [] }],
  ])('refuses %s', (_, user) => {
    expect(mayUseCredential(credential, user)).toBe(false);
  });

  it('refuses everyone but the owner when personal', () => {
    expect(mayUseCredential({ ownerKeyId: 'key_owner', sharedWith: { keys: [], roles: [] } }, { keyId: 'key_friend', roles: ['billing-team'] })).toBe(false);
  });
});
