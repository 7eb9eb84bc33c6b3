import { MAX_VERIFY_COST } from '@keyward/contracts';
import { parseSpendRequest } from './spend-request';

describe('parseSpendRequest: a verify’s cost and named limits', () => {
  it('defaults to cost 1 and every autoApply limit, as one shared request', () => {
    expect(parseSpendRequest(undefined, undefined)).toEqual({ cost: 1, ratelimits: undefined });
    expect(parseSpendRequest(undefined, undefined)).toBe(parseSpendRequest(undefined, undefined));
  });

  it('takes an integer cost from 0 to MAX_VERIFY_COST, and named limits each with a cost (default 1)', () => {
    expect(parseSpendRequest(0, undefined)).toEqual({ cost: 0, ratelimits: undefined });
    expect(parseSpendRequest(MAX_VERIFY_COST, [{ name: 'a' }, { name: 'b', cost: 5 }])).toEqual({
      cost: MAX_VERIFY_COST,
      ratelimits: [
        { name: 'a', cost: 1 },
        { name: 'b', cost: 5 },
      ],
    });
    expect(parseSpendRequest(undefined, [])).toEqual({ cost: 1, ratelimits: [] });
  });

  it.each<[string, unknown, unknown]>([
    ['a negative cost', -1, undefined],
    ['a fractional cost', 1.5, undefined],
    ['a cost above the maximum', MAX_VERIFY_COST + 1, undefined],
    ['a cost as text', '1', undefined],
    ['ratelimits that are no list', undefined, { name: 'a' }],
    ['more than ten named limits', undefined, Array.from({ length: 11 }, (_, i) => ({ name: `l${i}` }))],
    ['a named limit without a name', undefined, [{ cost: 1 }]],
    ['an empty name', undefined, [{ name: '' }]],
    ['a name longer than any limit has', undefined, [{ name: 'n'.repeat(65) }]],
    ['a name no limit can have', undefined, [{ name: 'has space' }]],
    ['a named limit with a bad cost', undefined, [{ name: 'a', cost: -2 }]],
    ['a name twice', undefined, [{ name: 'a' }, { name: 'a', cost: 2 }]],
    ['a named limit that is no object', undefined, ['a']],
  ])('refuses %s (MALFORMED)', (_, cost, ratelimits) => {
    expect(parseSpendRequest(cost, ratelimits)).toBeUndefined();
  });
});
