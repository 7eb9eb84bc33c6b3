import { comparePositions, isBeyond, positionFromToken, positionToToken } from './position';

describe('positions', () => {
  it('compare by commit, then by prepare, as numbers', () => {
    expect(comparePositions({ commit: 2n, prepare: 1n }, { commit: 10n, prepare: 0n })).toBe(-1);
    expect(comparePositions({ commit: 10n, prepare: 9n }, { commit: 10n, prepare: 10n })).toBe(-1);
    expect(comparePositions({ commit: 10n, prepare: 10n }, { commit: 10n, prepare: 10n })).toBe(0);
    expect(comparePositions({ commit: 11n, prepare: 0n }, { commit: 10n, prepare: 99n })).toBe(1);
  });

  it('tell news from what was applied: only a position after it, or anything before the first', () => {
    const applied = { commit: 10n, prepare: 5n };
    expect(isBeyond({ commit: 10n, prepare: 6n }, applied)).toBe(true);
    expect(isBeyond({ commit: 10n, prepare: 5n }, applied)).toBe(false);
    expect(isBeyond({ commit: 9n, prepare: 99n }, applied)).toBe(false);
    expect(isBeyond({ commit: 0n, prepare: 0n }, undefined)).toBe(true);
  });

  it('round-trip through tokens beyond the precision of a JS number', () => {
    const p = { commit: 18_446_744_073_709_551_615n, prepare: 9_007_199_254_740_993n };
    expect(positionFromToken(positionToToken(p))).toEqual(p);
  });

  it.each([undefined, 42, '', '1', '1.', '.1', '1.2.3', '-1.2', 'a.b', `${'9'.repeat(21)}.1`])('refuse the token %p', (token) => {
    expect(positionFromToken(token)).toBeUndefined();
  });
});
