import { parseIsoDateTime } from './iso-date-time';

describe('parseIsoDateTime', () => {
  it.each([
    ['2027-01-01T00:00:00Z', '2027-01-01T00:00:00.000Z'],
    ['2027-01-01T00:00:00.123Z', '2027-01-01T00:00:00.123Z'],
    ['2027-01-01T00:00Z', '2027-01-01T00:00:00.000Z'],
    ['2027-01-01T02:00:00+02:00', '2027-01-01T00:00:00.000Z'],
    ['2026-12-31T19:00:00-05:00', '2027-01-01T00:00:00.000Z'],
    ['2028-02-29T12:00:00Z', '2028-02-29T12:00:00.000Z'],
  ])('reads %s', (text, iso) => {
    expect(new Date(parseIsoDateTime(text) ?? Number.NaN).toISOString()).toBe(iso);
  });

  it.each([
    '',
    'tomorrow',
    'Jan 1 2027',
    '2027',
    '2027-01-01',
    '2027-01-01T00:00:00', // no zone: the host's would decide
    '2027-02-29T00:00:00Z', // not a leap year
    '2027-04-31T00:00:00Z',
    '2027-13-01T00:00:00Z',
    '2027-00-10T00:00:00Z',
    '2027-01-00T00:00:00Z',
    '2027-01-01T24:00:00Z',
    '2027-01-01T00:60:00Z',
    '2027-01-01T00:00:60Z',
    '2027-01-01T00:00:00+24:00',
    ' 2027-01-01T00:00:00Z',
  ])('refuses %p', (text) => {
    expect(parseIsoDateTime(text)).toBeUndefined();
  });
});
