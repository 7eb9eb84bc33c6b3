import { totalsOf } from './usage-totals';

describe('usage totals', () => {
  it('adds valid answers and denials over the range, denials by code most first', () => {
    expect(
      totalsOf([
        { start: '2026-01-01T00:00:00Z', valid: 3, denied: { REVOKED: 1, FORBIDDEN: 2 } },
        { start: '2026-01-02T00:00:00Z', valid: 4, denied: { EXPIRED: 2, FORBIDDEN: 1 } },
      ]),
    ).toEqual({ valid: 7, denied: 6, byCode: [['FORBIDDEN', 3], ['EXPIRED', 2], ['REVOKED', 1]] });
  });

  it('is zero for an empty range', () => {
    expect(totalsOf([])).toEqual({ valid: 0, denied: 0, byCode: [] });
  });
});
