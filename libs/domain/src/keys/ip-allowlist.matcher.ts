import type ipaddr from 'ipaddr.js';
import { parseIpAddress, parseIpRange, type IpRange } from './ip-allowlist';

/**
 * A key's allowlist parsed once (when its event is applied), so that a verify only parses the
 * caller's address and compares bits. IPv4 and IPv6 ranges are kept apart: an address is only
 * ever compared with ranges of its own kind (an IPv4-mapped IPv6 address is read as IPv4).
 */
export class IpAllowlistMatcher {
  private constructor(
    /** The normalised entries it was made from, as the events and the key table hold them. */
    readonly entries: readonly string[],
    private readonly v4: readonly (readonly [ipaddr.IPv4, number])[],
    private readonly v6: readonly (readonly [ipaddr.IPv6, number])[],
  ) {}

  /** `undefined` for an empty list (any address); throws on an entry that is no address or range. */
  static of(entries: readonly string[]): IpAllowlistMatcher | undefined {
    if (entries.length === 0) return undefined;
    const ranges = entries.map((entry): IpRange => parseIpRange(entry) ?? IpAllowlistMatcher.bad());
    const v4 = ranges.filter((r): r is readonly [ipaddr.IPv4, number] => r[0].kind() === 'ipv4');
    const v6 = ranges.filter((r): r is readonly [ipaddr.IPv6, number] => r[0].kind() === 'ipv6');
    return new IpAllowlistMatcher([...entries], v4, v6);
  }

  private static bad(): never {
    throw new RangeError('an IP allowlist entry is not an address or CIDR range');
  }

  /** Whether `ip` (untrusted: anything a verify request carried) is an address inside one of the ranges. */
  allows(ip: unknown): boolean {
    if (typeof ip !== 'string') return false;
    const address = parseIpAddress(ip);
    if (address === undefined) return false;
    if (address.kind() === 'ipv4') return this.v4.some(([network, bits]) => (address as ipaddr.IPv4).match(network, bits));
    return this.v6.some(([network, bits]) => (address as ipaddr.IPv6).match(network, bits));
  }
}
