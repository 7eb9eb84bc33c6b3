import { randomBytes } from 'node:crypto';
import { masterKeyId, type MasterKey } from '@keyward/config';
import type { SealedValue } from '@keyward/contracts';
import { generateDataKey, unwrapDataKey, wrapDataKey, WRAPPED_DATA_KEY_BYTES } from './data-key.crypto';
import { openValue, sealValue } from './sealed-value.crypto';
import { VaultIntegrityError } from './vault.errors';

const VALUE = 'sk_live_the-third-party-secret-4242';
const masterKey = (): MasterKey => {
  const key = randomBytes(32);
  return { id: masterKeyId(key), key };
};
/** Flips one bit of a base64url field, as an attacker editing the history would. */
const flip = (field: string): string => {
  const bytes = Buffer.from(field, 'base64url');
  bytes[0] ^= 1;
  return bytes.toString('base64url');
};

describe('sealing a value', () => {
  const dataKey = generateDataKey();

  it('opens what it sealed, with a fresh 96-bit nonce and a 128-bit tag every time', () => {
    const first = sealValue(dataKey, 'cred-1', VALUE);
    const second = sealValue(dataKey, 'cred-1', VALUE);
    expect(openValue(dataKey, 'cred-1', first)).toBe(VALUE);
    expect(Buffer.from(first.nonce, 'base64url')).toHaveLength(12);
    expect(Buffer.from(first.tag, 'base64url')).toHaveLength(16);
    expect(second.nonce).not.toBe(first.nonce);
    expect(second.ciphertext).not.toBe(first.ciphertext);
    expect(JSON.stringify(first)).not.toContain(VALUE);
  });

  it('round-trips any text, empty and non-ASCII included', () => {
    for (const value of ['', 'ключ-🔑', 'x'.repeat(10_000)]) expect(openValue(dataKey, 'c', sealValue(dataKey, 'c', value))).toBe(value);
  });

  const sealed = sealValue(dataKey, 'cred-1', VALUE);
  it.each<[string, SealedValue, string, Buffer]>([
    ['a changed ciphertext', { ...sealed, ciphertext: flip(sealed.ciphertext) }, 'cred-1', dataKey],
    ['a changed nonce', { ...sealed, nonce: flip(sealed.nonce) }, 'cred-1', dataKey],
    ['a changed tag', { ...sealed, tag: flip(sealed.tag) }, 'cred-1', dataKey],
    ['a truncated tag', { ...sealed, tag: sealed.tag.slice(0, 8) }, 'cred-1', dataKey],
    ['a field that is not base64url', { ...sealed, ciphertext: `${sealed.ciphertext}!` }, 'cred-1', dataKey],
    ['another credential id (the associated data)', sealed, 'cred-2', dataKey],
    ['another data key', sealed, 'cred-1', generateDataKey()],
  ])('refuses %s with an error that names the credential, never the value', (_, value, credentialId, key) => {
    let thrown: unknown;
    try {
      openValue(key, credentialId, value);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(VaultIntegrityError);
    expect((thrown as Error).message).toBe(`the sealed value of credential ${credentialId} does not authenticate: altered, or not this credential's`);
    expect((thrown as Error).message).not.toContain(VALUE);
  });
});

describe('wrapping a data key', () => {
  const owner = { credentialId: 'cred-1', workspaceId: 'ws-1' };

  it('unwraps under the same master key and owner, 60 bytes stored, the key not among them', () => {
    const master = masterKey();
    const dataKey = generateDataKey();
    const wrapped = wrapDataKey(master, owner, dataKey);
    expect(wrapped).toHaveLength(WRAPPED_DATA_KEY_BYTES);
    expect(wrapped.includes(dataKey)).toBe(false);
    expect(unwrapDataKey(master, owner, wrapped)).toEqual(dataKey);
  });

  it.each([
    ['another credential (a wrapped key swapped between rows)', { credentialId: 'cred-2', workspaceId: 'ws-1' }],
    ['another workspace', { credentialId: 'cred-1', workspaceId: 'ws-2' }],
  ])('refuses to unwrap for %s', (_, other) => {
    const master = masterKey();
    const wrapped = wrapDataKey(master, owner, generateDataKey());
    expect(() => unwrapDataKey(master, other, wrapped)).toThrow(new VaultIntegrityError(other.credentialId, 'data key'));
  });

  it('refuses a changed byte anywhere, a short blob, and another master key', () => {
    const master = masterKey();
    const wrapped = wrapDataKey(master, owner, generateDataKey());
    for (let at = 0; at < wrapped.length; at += 1) {
      const changed = Buffer.from(wrapped);
      changed[at] ^= 0x80;
      expect(() => unwrapDataKey(master, owner, changed)).toThrow(VaultIntegrityError);
    }
    expect(() => unwrapDataKey(master, owner, wrapped.subarray(1))).toThrow(VaultIntegrityError);
    expect(() => unwrapDataKey(masterKey(), owner, wrapped)).toThrow(VaultIntegrityError);
  });

  it('re-wraps under a new master key: the same data key, the old wrapping no longer needed', () => {
    const [old, next] = [masterKey(), masterKey()];
    const dataKey = generateDataKey();
    const sealed = sealValue(dataKey, owner.credentialId, VALUE);
    const rewrapped = wrapDataKey(next, owner, unwrapDataKey(old, owner, wrapDataKey(old, owner, dataKey)));
    expect(() => unwrapDataKey(old, owner, rewrapped)).toThrow(VaultIntegrityError);
    expect(openValue(unwrapDataKey(next, owner, rewrapped), owner.credentialId, sealed)).toBe(VALUE);
  });
});
