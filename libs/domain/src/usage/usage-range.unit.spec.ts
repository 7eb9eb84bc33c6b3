import { bucketStart, usageRangeOf } from './usage-range';

const now = new Date('2026-06-01T12:34:56.000Z');

describe('usageRangeOf', () => {
  it('reads a day of hours up to now when nothing is named, 30 days of days for days', () => {
    expect(usageRangeOf({}, now)).toEqual({ from: new Date('2026-05-31T12:34:56.000Z'), to: now, granularity: 'hour' });
    expect(usageRangeOf({ granularity: 'day' }, now)).toEqual({ from: new Date('2026-05-02T12:34:56.000Z'), to: now, granularity: 'day' });
  });

  it('names the field that is wrong: an order, a span too long, a time that is none', () => {
    expect(usageRangeOf({ from: '2026-06-01T00:00:00Z', to: '2026-06-01T00:00:00Z' }, now)).toMatchObject({ field: 'from' });
    expect(usageRangeOf({ from: '2026-01-01T00:00:00Z', to: '2026-02-01T00:00:01Z' }, now)).toMatchObject({ field: 'to' });
    expect(usageRangeOf({ from: '2026-01-01T00:00:00Z', to: '2026-02-01T00:00:00Z' }, now)).toMatchObject({ granularity: 'hour' });
    expect(usageRangeOf({ from: '2025-01-01T00:00:00Z', to: '2026-01-02T00:00:01Z', granularity: 'day' }, now)).toMatchObject({ field: 'to' });
    expect(usageRangeOf({ from: 'not a time' }, now)).toMatchObject({ field: 'from' });
  });
});

describe('bucketStart', () => {
  it('is the start of the UTC hour or day', () => {
    expect(new Date(bucketStart(now.getTime(), 'hour')).toISOString()).toBe('2026-06-01T12:00:00.000Z');
    expect(new Date(bucketStart(now.getTime(), 'day')).toISOString()).toBe('2026-06-01T00:00:00.000Z');
  });
});
