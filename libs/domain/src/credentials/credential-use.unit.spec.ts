import { ErrorCodes } from '@keyward/contracts';
import { DomainError } from '../domain.error';
import { assertMayUseCredential, mayUseCredential } from './credential-use';

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

describe('assertMayUseCredential', () => {
  const credential = { ownerKeyId: 'key_owner', sharedWith: { keys: ['key_friend'], roles: ['billing-team'] } };
  const refusal = (run: () => void): string | undefined => {
    try {
      run();
    } catch (error) {
      if (error instanceof DomainError) return error.code;
      throw error;
    }
    return undefined;
  };

  it('lets those it is shared with use it only while the plan includes credential sharing (402 after a downgrade)', () => {
    expect(refusal(() => assertMayUseCredential(credential, { keyId: 'key_friend', roles: [] }, 'enterprise'))).toBeUndefined();
    expect(refusal(() => assertMayUseCredential(credential, { keyId: 'key_friend', roles: [] }, 'pro'))).toBe(ErrorCodes.planUpgradeRequired);
    expect(refusal(() => assertMayUseCredential(credential, { keyId: 'key_other', roles: ['billing-team'] }, 'free'))).toBe(ErrorCodes.planUpgradeRequired);
  });

  it('lets the owner use it on any plan, and refuses anyone else (403) on every plan', () => {
    for (const plan of ['free', 'pro', 'enterprise'] as const) {
      expect(refusal(() => assertMayUseCredential(credential, { keyId: 'key_owner', roles: [] }, plan))).toBeUndefined();
      expect(refusal(() => assertMayUseCredential(credential, { keyId: 'key_other', roles: [] }, plan))).toBe(ErrorCodes.forbidden);
    }
  });
});
