import { BASE62_ALPHABET, toBase62 } from './base62';
import { crc32 } from './crc32';
import { generateKeySecret, parseKeySecret } from './key-secret';
import { hashKeySecret, secretHashesEqual } from './secret-hash';
import { maskKey } from './masked-key';

describe('key secret format', () => {
  it('is kw_<env>_ + 32 random base62 + 6-character checksum', () => {
    expect(generateKeySecret('live')).toMatch(/^kw_live_[0-9A-Za-z]{38}$/);
    expect(generateKeySecret('test')).toMatch(/^kw_test_[0-9A-Za-z]{38}$/);
  });

  it('uses the IEEE CRC32 (known answer) in base62, most significant first, zero-padded', () => {
    expect(crc32('123456789')).toBe(0xcbf43926);
    expect(crc32('')).toBe(0);
    expect(toBase62(0, 6)).toBe('000000');
    expect(toBase62(61, 6)).toBe('00000z');
    expect(toBase62(62, 6)).toBe('000010');
    expect(toBase62(0xffffffff, 6)).toBe('4gfFC3');
    const secret = generateKeySecret('live');
    expect(secret.slice(-6)).toBe(toBase62(crc32(secret.slice(0, -6)), 6));
  });

  it('parses a valid key into its environment, prefix and last four', () => {
    const secret = generateKeySecret('test');
    expect(parseKeySecret(secret)).toEqual({ ok: true, environment: 'test', prefix: secret.slice(0, 12), lastFour: secret.slice(-4) });
  });

  it('rejects every single-character change, checksum included', () => {
    const secret = generateKeySecret('live');
    const replacements = ['0', 'A', 'z', '_', 'k', '9', 'Q'];
    let tried = 0;
    for (let i = 0; i < secret.length; i++) {
      for (const r of replacements) {
        if (r === secret[i]) continue;
        tried++;
        expect(parseKeySecret(secret.slice(0, i) + r + secret.slice(i + 1))).toEqual({ ok: false });
      }
    }
    expect(tried).toBeGreaterThan(secret.length * 5);
  });

  it('rejects swaps of two neighbouring characters in the random part', () => {
    const secret = generateKeySecret('live');
    for (let i = 8; i < 39; i++) {
      if (secret[i] === secret[i + 1]) continue;
      const swapped = secret.slice(0, i) + secret[i + 1] + secret[i] + secret.slice(i + 2);
      expect(parseKeySecret(swapped).ok).toBe(false);
    }
  });

  it.each([
    ['not a string', 42],
    ['undefined', undefined],
    ['empty', ''],
    ['too short', 'kw_live_abc'],
    ['too long', `${generateKeySecret('live')}0`],
    ['unknown environment', `kw_prod_${'a'.repeat(38)}`],
    ['wrong vendor prefix', `sk_live_${'a'.repeat(38)}`],
    ['non-base62 character', `kw_live_${'a'.repeat(37)}-`],
    ['non-ASCII', `kw_live_${'a'.repeat(37)}é`],
  ])('rejects %s', (_, input) => {
    expect(parseKeySecret(input)).toEqual({ ok: false });
  });

  it('generates distinct, valid secrets with every alphabet character in use', () => {
    const secrets = new Set(Array.from({ length: 10_000 }, () => generateKeySecret('live')));
    expect(secrets.size).toBe(10_000);
    const seen = new Set<string>();
    for (const s of secrets) {
      expect(parseKeySecret(s).ok).toBe(true);
      for (const c of s.slice(8, 40)) seen.add(c);
    }
    expect(seen.size).toBe(BASE62_ALPHABET.length);
  });

  it('hashes with the pepper, deterministically, and compares in constant time', () => {
    const secret = generateKeySecret('live');
    const pepper = Buffer.alloc(32, 1);
    const hash = hashKeySecret(pepper, secret);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hashKeySecret(pepper, secret)).toBe(hash);
    expect(hashKeySecret(Buffer.alloc(32, 2), secret)).not.toBe(hash);
    expect(secretHashesEqual(hash, hashKeySecret(pepper, secret))).toBe(true);
    expect(secretHashesEqual(hash, hashKeySecret(pepper, generateKeySecret('live')))).toBe(false);
    expect(secretHashesEqual(hash, hash.slice(0, 10))).toBe(false);
  });

  it('masks a key as prefix…last four', () => {
    expect(maskKey('kw_live_a1b2', 'wxyz')).toBe('kw_live_a1b2…wxyz');
  });
});
