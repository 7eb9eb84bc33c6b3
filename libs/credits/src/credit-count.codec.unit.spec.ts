import { creditCountCodec } from './credit-count.codec';

const text = (bytes: Uint8Array): string => Buffer.from(bytes).toString('ascii');

describe('credit count codec', () => {
  it.each([
    [{ basis: { generation: 3, periodStartMs: 1_764_547_200_000 }, spent: 42 }, '3.1764547200000.42'],
    [{ basis: { generation: 1, periodStartMs: null }, spent: 0 }, '1.-.0'],
    [{ basis: { generation: 7, periodStartMs: null }, spent: 9_007_199_254_740_991 }, '7.-.9007199254740991'],
  ])('round-trips %j as %s', (count, written) => {
    expect(text(creditCountCodec.encode(count))).toBe(written);
    expect(creditCountCodec.decode(creditCountCodec.encode(count))).toEqual(count);
  });

  it.each(['', 'x', '0.-.1', '1.-.-1', '1..1', '1.-.1.', '1e3.-.1', ' 1.-.1', '1.-.99999999999999999', '1.x.1'])('reads %j as no count', (written) => {
    expect(creditCountCodec.decode(Buffer.from(written))).toBeUndefined();
  });
});
