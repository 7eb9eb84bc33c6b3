import { IpAllowlistMatcher } from './ip-allowlist.matcher';

const matcher = (...entries: string[]): IpAllowlistMatcher => {
  const made = IpAllowlistMatcher.of(entries);
  if (!made) throw new Error('expected a matcher');
  return made;
};

describe('IpAllowlistMatcher', () => {
  it('is none for an empty list: any address', () => {
    expect(IpAllowlistMatcher.of([])).toBeUndefined();
  });

  it('allows an address inside, refuses one outside', () => {
    const list = matcher('203.0.113.7', '10.0.0.0/8');
    expect(list.allows('203.0.113.7')).toBe(true);
    expect(list.allows('10.200.3.4')).toBe(true);
    expect(list.allows('203.0.113.8')).toBe(false);
    expect(list.allows('11.0.0.0')).toBe(false);
  });

  it.each([
    ['the first address of a range', '192.0.2.0/24', '192.0.2.0', true],
    ['the last address of a range', '192.0.2.0/24', '192.0.2.255', true],
    ['the address before a range', '192.0.2.0/24', '192.0.1.255', false],
    ['the address after a range', '192.0.2.0/24', '192.0.3.0', false],
    ['any IPv4 address in /0', '0.0.0.0/0', '255.255.255.255', true],
    ['the one address of a /32', '198.51.100.1/32', '198.51.100.1', true],
    ['its neighbour', '198.51.100.1/32', '198.51.100.2', false],
    ['any IPv6 address in ::/0', '::/0', 'ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff', true],
    ['the one address of a /128', '2001:db8::1/128', '2001:db8::1', true],
    ['its IPv6 neighbour', '2001:db8::1/128', '2001:db8::2', false],
    ['the first address of an IPv6 range', '2001:db8::/32', '2001:db8::', true],
    ['the last address of an IPv6 range', '2001:db8::/32', '2001:db8:ffff:ffff:ffff:ffff:ffff:ffff', true],
    ['the address after an IPv6 range', '2001:db8::/32', '2001:db9::', false],
    ['an IPv6 address in another spelling', '2001:db8::7', '2001:0DB8:0:0:0:0:0:7', true],
    ['an IPv4-mapped IPv6 address against an IPv4 range', '10.0.0.0/8', '::ffff:10.1.2.3', true],
    ['an IPv4-mapped IPv6 address outside it', '10.0.0.0/8', '::ffff:11.1.2.3', false],
    ['an IPv4 address against an IPv6 list only', '::/0', '10.0.0.1', false],
    ['an IPv6 address against an IPv4 list only', '0.0.0.0/0', '2001:db8::1', false],
  ])('%s: %s ∋ %s is %s', (_, entry, ip, inside) => {
    expect(matcher(entry).allows(ip)).toBe(inside);
  });

  it.each([undefined, null, 7, '', 'localhost', '10.0.0.1/32', '127.1', '10.0.0.256', 'fe80::1%eth0', ['10.0.0.1'], { ip: '10.0.0.1' }])(
    'refuses %j: missing, or no address',
    (ip) => {
      expect(matcher('0.0.0.0/0', '::/0').allows(ip)).toBe(false);
    },
  );

  it('keeps the entries it was made from, and refuses to be made from a bad one', () => {
    expect(matcher('10.0.0.0/8', '2001:db8::/32').entries).toEqual(['10.0.0.0/8', '2001:db8::/32']);
    expect(() => IpAllowlistMatcher.of(['example.com'])).toThrow(RangeError);
  });
});
