import { decodeWindowCount, encodeWindowCount } from './window-count.codec';

describe('window count codec', () => {
  it('round-trips a count', () => {
    const count = { start: 1_763_942_400_000, windowMs: 86_400_000, used: 1_000_000 };
    expect(decodeWindowCount(encodeWindowCount(count))).toEqual(count);
    expect(Buffer.from(encodeWindowCount(count)).toString()).toBe('1763942400000.86400000.1000000');
  });

  it.each(['', 'x', '10.0.1', '15.10.1', '10.10.-1', '10.10.1.', '1e3.10.1', ' 10.10.1'])('reads %j as no count', (text) => {
    expect(decodeWindowCount(Buffer.from(text))).toBeUndefined();
  });
});
