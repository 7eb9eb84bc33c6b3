import { BASE62_ALPHABET, base62Digit, toBase62 } from './base62';

describe('base62', () => {
  it('has the alphabet 0-9A-Za-z', () => {
    expect(BASE62_ALPHABET).toBe('0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz');
  });

  it('writes the most significant digit first, left-padded with 0', () => {
    expect(toBase62(0, 6)).toBe('000000');
    expect(toBase62(61, 6)).toBe('00000z');
    expect(toBase62(62, 6)).toBe('000010');
    expect(toBase62(62 ** 2 * 10 + 62 * 36 + 35, 6)).toBe('000AaZ');
    // 0xffffffff = 4·62^5 + 42·62^4 + 41·62^3 + 15·62^2 + 12·62 + 3
    expect(toBase62(0xffffffff, 6)).toBe('4gfFC3');
  });

  it('reads back every digit and nothing else', () => {
    [...BASE62_ALPHABET].forEach((c, i) => expect(base62Digit(c.charCodeAt(0))).toBe(i));
    for (const c of ['/', ':', '@', '[', '`', '{', '_', '-', ' ', 'é', '\u0000']) expect(base62Digit(c.charCodeAt(0))).toBe(-1);
  });
});
