import { InvalidArgumentError } from 'commander';
import { collect, instant, permission, wholeNumber } from './option-parsers';

describe('option parsers', () => {
  it('reads whole numbers and refuses anything else as a usage error', () => {
    expect(wholeNumber('0')).toBe(0);
    expect(wholeNumber('100')).toBe(100);
    for (const bad of ['', '-1', '1.5', '1e3', 'ten', '9999999999']) expect(() => wholeNumber(bad)).toThrow(InvalidArgumentError);
  });

  it('reads moments as the gateway wants them, in UTC', () => {
    expect(instant('2026-01-31T12:00:00Z')).toBe('2026-01-31T12:00:00.000Z');
    expect(instant('2026-01-31T13:00:00+01:00')).toBe('2026-01-31T12:00:00.000Z');
    for (const bad of ['last tuesday', '1700000000', '2026-13-45T00:00:00Z', '2026-02-30T00:00:00Z', '2026-01-31T12:00:00', '']) expect(() => instant(bad)).toThrow(InvalidArgumentError);
  });

  it('collects repeated options in order', () => {
    expect(collect('b', collect('a'))).toEqual(['a', 'b']);
  });

  it('builds direct permissions from resource=level, the last level for a resource winning', () => {
    expect(permission('contacts=write', permission('calls=read'))).toEqual({ calls: 'read', contacts: 'write' });
    expect(permission('calls=none', { calls: 'read' })).toEqual({ calls: 'none' });
    for (const bad of ['calls', 'calls=admin', '=read', 'calls=read=write']) expect(() => permission(bad)).toThrow(InvalidArgumentError);
  });
});
