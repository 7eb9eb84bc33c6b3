import { ErrorCodes } from '@keyward/contracts';
import { DomainError } from '../domain.error';
import { isIpAllowlistEntry, MAX_IP_ALLOWLIST_ENTRIES, parseIpAddress, validIpAllowlist } from './ip-allowlist';

const refusal = (raw: unknown): DomainError => {
  try {
    validIpAllowlist(raw);
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('accepted');
};

describe('validIpAllowlist', () => {
  it.each([
    ['an IPv4 address', '203.0.113.7', '203.0.113.7'],
    ['an IPv4 /32 as the address', '203.0.113.7/32', '203.0.113.7'],
    ['an IPv4 range, host bits cleared', '10.1.2.3/8', '10.0.0.0/8'],
    ['every IPv4 address', '0.0.0.0/0', '0.0.0.0/0'],
    ['an IPv6 address in RFC 5952 form', '2001:DB8:0:0:0:0:0:7', '2001:db8::7'],
    ['an IPv6 /128 as the address', '2001:db8::7/128', '2001:db8::7'],
    ['an IPv6 range', '2001:db8:1::1/32', '2001:db8::/32'],
    ['every IPv6 address', '::/0', '::/0'],
    ['an IPv4-mapped IPv6 address as IPv4', '::ffff:192.0.2.1', '192.0.2.1'],
    ['an IPv4-mapped IPv6 range as IPv4', '::ffff:192.0.2.0/120', '192.0.2.0/24'],
    ['a range wider than the mapped block as IPv6', '::ffff:192.0.2.0/80', '::/80'],
  ])('normalises %s', (_, entry, normal) => {
    expect(validIpAllowlist([entry])).toEqual([normal]);
  });

  it('drops duplicates after normalising, keeping the first place', () => {
    expect(validIpAllowlist(['10.0.0.0/8', '192.0.2.1', '10.9.9.9/8'])).toEqual(['10.0.0.0/8', '192.0.2.1']);
  });

  it.each([
    'example.com',
    '10.0.0.256',
    '127.1',
    '0x7f.0.0.1',
    '10.0.0.0/33',
    '2001:db8::/129',
    '10.0.0.0/',
    '10.0.0.0/-1',
    '10.0.0.0/8/8',
    'fe80::1%eth0',
    '',
    ' 10.0.0.1',
  ])('refuses %j, naming its place and not its value', (entry) => {
    const error = refusal(['192.0.2.1', entry]);
    expect({ code: error.code, field: error.field }).toEqual({ code: ErrorCodes.validationFailed, field: 'ipAllowlist[1]' });
    if (entry !== '') expect(error.message).not.toContain(entry);
    expect(isIpAllowlistEntry(entry)).toBe(false);
  });

  it('refuses more than 100 entries, and anything not a list of strings', () => {
    const many = Array.from({ length: MAX_IP_ALLOWLIST_ENTRIES + 1 }, (_, i) => `10.0.${i >> 8}.${i & 255}`);
    expect(validIpAllowlist(many.slice(0, MAX_IP_ALLOWLIST_ENTRIES))).toHaveLength(MAX_IP_ALLOWLIST_ENTRIES);
    expect(refusal(many).field).toBe('ipAllowlist');
    expect(refusal('10.0.0.0/8').field).toBe('ipAllowlist');
    expect(refusal([7]).field).toBe('ipAllowlist[0]');
  });
});

describe('parseIpAddress', () => {
  it('reads an IPv4-mapped IPv6 address as its IPv4 address, and refuses ranges and zones', () => {
    expect(parseIpAddress('::ffff:10.0.0.1')?.toString()).toBe('10.0.0.1');
    expect(parseIpAddress('10.0.0.0/8')).toBeUndefined();
    expect(parseIpAddress('fe80::1%eth0')).toBeUndefined();
  });
});
