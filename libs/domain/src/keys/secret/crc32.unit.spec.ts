import { crc32 } from './crc32';

/** Bit by bit, straight from the definition: an independent check of the table version. */
const bitwiseCrc32 = (text: string): number => {
  let crc = ~0;
  for (const byte of Buffer.from(text, 'latin1')) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return ~crc >>> 0;
};

describe('crc32', () => {
  it('gives the IEEE check value', () => {
    expect(crc32('123456789')).toBe(0xcbf43926);
    expect(crc32('The quick brown fox jumps over the lazy dog')).toBe(0x414fa339);
    expect(crc32('')).toBe(0);
  });

  it('agrees with a bitwise CRC-32 on every byte value and on key-like text', () => {
    const everyByte = String.fromCharCode(...Array.from({ length: 256 }, (_, i) => i));
    for (const text of [everyByte, 'kw_live_', 'kw_test_abcdefghijklmnopqrstuvwxyzABCDEF', 'z'.repeat(1_000)]) {
      expect(crc32(text)).toBe(bitwiseCrc32(text));
    }
  });

  it('is unsigned and covers only the first `end` characters', () => {
    expect(crc32('\xff')).toBeGreaterThan(0x7fffffff);
    expect(crc32('123456789abc', 9)).toBe(0xcbf43926);
  });
});
