import { BASE62_ALPHABET } from './base62';
import { KEY_SECRET_LENGTH, generateKeySecret, isKeySecret } from './key-secret';

/** Checksums computed outside this code base (Python's zlib.crc32, base62 by hand). */
const KNOWN_KEYS = [
  ['kw_live_000000000000000000000000000000003lNZlx', 'live'], // CRC 0xcd8c0401
  ['kw_test_abcdefghijklmnopqrstuvwxyzABCDEF3RxEeU', 'test'], // CRC 0xbc70507e
  ['kw_live_ZzZzZzZzZzZzZzZzZzZzZzZzZzZzZzZz2bikDX', 'live'], // CRC 0x8e6f3aaf
] as const;

const substitute = (text: string, i: number, c: string): string => text.slice(0, i) + c + text.slice(i + 1);

describe('generateKeySecret', () => {
  it('is kw_<env>_ + 32 random base62 + a 6-character checksum', () => {
    expect(generateKeySecret('live')).toMatch(/^kw_live_[0-9A-Za-z]{38}$/);
    expect(generateKeySecret('test')).toMatch(/^kw_test_[0-9A-Za-z]{38}$/);
    expect(KEY_SECRET_LENGTH).toBe(46);
  });

  it('generates 10,000 distinct secrets, all well formed', () => {
    const secrets = new Set(Array.from({ length: 10_000 }, () => generateKeySecret('live')));
    expect(secrets.size).toBe(10_000);
    for (const s of secrets) expect(isKeySecret(s)).toBe(true);
  });
});

describe('isKeySecret', () => {
  it.each(KNOWN_KEYS)('accepts the known-answer key %s (%s)', (key) => {
    expect(isKeySecret(key)).toBe(true);
  });

  it('rejects every single-character substitution, at every position, checksum included', () => {
    const others = [...BASE62_ALPHABET, '_', '-', ' ', 'é', '\u0000'];
    for (const secret of [KNOWN_KEYS[0][0], KNOWN_KEYS[1][0], generateKeySecret('live'), generateKeySecret('test')]) {
      let tried = 0;
      for (let i = 0; i < secret.length; i++) {
        for (const c of others) {
          if (c === secret[i]) continue;
          tried++;
          const changed = substitute(secret, i, c);
          if (isKeySecret(changed)) throw new Error(`accepted ${c} at ${i} in ${secret}`);
        }
      }
      expect(tried).toBeGreaterThan(secret.length * 60);
    }
  });

  it('rejects swaps of neighbouring characters after the environment', () => {
    const secret = generateKeySecret('live');
    for (let i = 8; i < secret.length - 1; i++) {
      if (secret[i] === secret[i + 1]) continue;
      const swapped = secret.slice(0, i) + secret[i + 1] + secret[i] + secret.slice(i + 2);
      expect(isKeySecret(swapped)).toBe(false);
    }
  });

  const valid = KNOWN_KEYS[0][0];
  it.each([
    ['a number', 42],
    ['undefined', undefined],
    ['null', null],
    ['an object', { key: valid }],
    ['a String object', new String(valid)],
    ['empty', ''],
    ['too short', valid.slice(0, -1)],
    ['too long', `${valid}0`],
    ['another environment', `kw_prod_${valid.slice(8)}`],
    ['upper-case environment', `kw_LIVE_${valid.slice(8)}`],
    ['another vendor prefix', `sk_live_${valid.slice(8)}`],
    ['a missing separator', `kw_live-${valid.slice(8)}`],
    ['a non-base62 character', `${valid.slice(0, 20)}-${valid.slice(21)}`],
    ['a non-ASCII character', `${valid.slice(0, 20)}é${valid.slice(21)}`],
    ['the live body under the test environment', `kw_test_${valid.slice(8)}`],
    ['surrounding whitespace', ` ${valid.slice(0, -1)}`],
  ])('rejects %s', (_, input) => {
    expect(isKeySecret(input)).toBe(false);
  });
});
