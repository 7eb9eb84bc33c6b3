import { basisAt, compareBases, creditPosition, creditsSetting, grantOf, periodStartAt, type CreditsSetting } from './credit-basis';

const at = (iso: string): number => Date.parse(iso);
const SET_AT = at('2026-01-15T10:00:00Z');
const plain: CreditsSetting = { remaining: 100, generation: 2, setAtMs: SET_AT };
const daily: CreditsSetting = { ...plain, refill: { interval: 'daily', amount: 50 } };
const monthly: CreditsSetting = { ...plain, refill: { interval: 'monthly', amount: 1_000 } };

describe('credit periods, in UTC', () => {
  it.each([
    ['daily', '2026-01-15T10:00:00Z', '2026-01-15T00:00:00Z'],
    ['daily', '2026-01-15T23:59:59.999Z', '2026-01-15T00:00:00Z'],
    ['daily', '2026-01-16T00:00:00Z', '2026-01-16T00:00:00Z'],
    ['monthly', '2026-01-31T23:59:59.999Z', '2026-01-01T00:00:00Z'],
    ['monthly', '2026-02-01T00:00:00Z', '2026-02-01T00:00:00Z'],
    ['monthly', '2028-02-29T12:00:00Z', '2028-02-01T00:00:00Z'],
    ['monthly', '2026-12-31T23:00:00Z', '2026-12-01T00:00:00Z'],
  ] as const)('%s at %s starts at %s', (interval, now, start) => {
    expect(periodStartAt(interval, at(now))).toBe(at(start));
  });
});

describe('the basis a replica derives from its clock', () => {
  it('is the balance as set until a refill boundary has passed since the generation was set', () => {
    expect(basisAt(plain, at('2030-01-01T00:00:00Z'))).toEqual({ generation: 2, periodStartMs: null });
    expect(basisAt(daily, at('2026-01-15T23:59:59Z'))).toEqual({ generation: 2, periodStartMs: null });
    expect(basisAt(daily, at('2026-01-16T00:00:00Z'))).toEqual({ generation: 2, periodStartMs: at('2026-01-16T00:00:00Z') });
    expect(basisAt(monthly, at('2026-01-31T12:00:00Z'))).toEqual({ generation: 2, periodStartMs: null });
    expect(basisAt(monthly, at('2026-03-04T12:00:00Z'))).toEqual({ generation: 2, periodStartMs: at('2026-03-01T00:00:00Z') });
  });

  it('does not refill at a boundary the generation was set at', () => {
    const setAtMidnight = { ...daily, setAtMs: at('2026-01-15T00:00:00Z') };
    expect(basisAt(setAtMidnight, at('2026-01-15T08:00:00Z')).periodStartMs).toBeNull();
  });

  it('grants the balance as set, then the refill amount (a refill sets, it does not add)', () => {
    expect(grantOf(daily, { generation: 2, periodStartMs: null })).toBe(100);
    expect(grantOf(daily, { generation: 2, periodStartMs: at('2026-01-16T00:00:00Z') })).toBe(50);
  });

  it('orders bases by generation, then period, the balance as set first', () => {
    const bases = [
      { generation: 3, periodStartMs: null },
      { generation: 2, periodStartMs: 200 },
      { generation: 2, periodStartMs: null },
      { generation: 1, periodStartMs: 900 },
      { generation: 2, periodStartMs: 100 },
    ];
    expect([...bases].sort(compareBases)).toEqual([
      { generation: 1, periodStartMs: 900 },
      { generation: 2, periodStartMs: null },
      { generation: 2, periodStartMs: 100 },
      { generation: 2, periodStartMs: 200 },
      { generation: 3, periodStartMs: null },
    ]);
    expect(compareBases({ generation: 2, periodStartMs: 100 }, { generation: 2, periodStartMs: 100 })).toBe(0);
  });
});

describe('a replica against the stored count', () => {
  const now = at('2026-01-15T12:00:00Z');
  const own = { generation: 2, periodStartMs: null };

  it('counts from nothing when there is no count yet', () => {
    expect(creditPosition(undefined, plain, now)).toEqual({ kind: 'current', count: { basis: own, spent: 0 }, balance: 100 });
  });

  it('keeps the stored count of its own basis: balance = grant - spent', () => {
    const stored = { basis: own, spent: 60 };
    expect(creditPosition(stored, plain, now)).toEqual({ kind: 'current', count: stored, balance: 40 });
  });

  it('starts afresh over an older basis: an earlier generation, or a refill boundary passed', () => {
    expect(creditPosition({ basis: { generation: 1, periodStartMs: null }, spent: 99 }, plain, now)).toEqual({ kind: 'current', count: { basis: own, spent: 0 }, balance: 100 });
    const nextDay = at('2026-01-16T09:00:00Z');
    const refilled = { generation: 2, periodStartMs: at('2026-01-16T00:00:00Z') };
    expect(creditPosition({ basis: own, spent: 100 }, daily, nextDay)).toEqual({ kind: 'current', count: { basis: refilled, spent: 0 }, balance: 50 });
  });

  it("adopts a later period of its generation (another replica's clock is ahead): counts never go back", () => {
    const ahead = { basis: { generation: 2, periodStartMs: at('2026-01-16T00:00:00Z') }, spent: 20 };
    expect(creditPosition(ahead, daily, at('2026-01-15T23:59:59Z'))).toEqual({ kind: 'current', count: ahead, balance: 30 });
  });

  it('is behind a newer generation its index does not know yet', () => {
    expect(creditPosition({ basis: { generation: 3, periodStartMs: null }, spent: 0 }, plain, now)).toEqual({ kind: 'behind' });
  });

  it('never answers a negative balance', () => {
    expect(creditPosition({ basis: own, spent: 150 }, plain, now)).toMatchObject({ balance: 0 });
  });
});

describe('the setting an event gives', () => {
  it('takes the time the event set the credits at', () => {
    expect(creditsSetting({ remaining: 5, refill: { interval: 'monthly', amount: 9 } }, 4, '2026-01-15T10:00:00.000Z')).toEqual({
      remaining: 5,
      refill: { interval: 'monthly', amount: 9 },
      generation: 4,
      setAtMs: SET_AT,
    });
    expect(creditsSetting({ remaining: 5 }, 1, '2026-01-15T10:00:00Z')).toEqual({ remaining: 5, generation: 1, setAtMs: SET_AT });
  });
});
