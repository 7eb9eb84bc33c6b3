import ipaddr from 'ipaddr.js';
import { validationError } from '../domain.error';

/** product.md section 9.2. */
export const MAX_IP_ALLOWLIST_ENTRIES = 100;
/** Longer than any address or range written out (an IPv6 range with an embedded IPv4 is 49). */
const MAX_ENTRY_LENGTH = 64;

export type IpAddress = ipaddr.IPv4 | ipaddr.IPv6;
/** An address and the number of leading bits that must match: a single address is its full length. */
export type IpRange = readonly [IpAddress, number];

const fullLength = (address: IpAddress): number => (address.kind() === 'ipv4' ? 32 : 128);

/**
 * A strict address: IPv4 only as four decimal parts (ipaddr's lenient parser also takes `127.1`
 * and `0x7f.0.0.1`, forms a list reader would not expect to match), IPv6 without a zone. An
 * IPv4-mapped IPv6 address (`::ffff:10.0.0.1`) is that IPv4 address, as a dual-stack socket reports it.
 */
export const parseIpAddress = (text: string): IpAddress | undefined => {
  if (text.length > MAX_ENTRY_LENGTH) return undefined;
  if (ipaddr.IPv4.isValidFourPartDecimal(text)) return ipaddr.IPv4.parse(text);
  if (!ipaddr.IPv6.isValid(text)) return undefined;
  const address = ipaddr.IPv6.parse(text);
  if (address.zoneId !== undefined) return undefined;
  return address.isIPv4MappedAddress() ? address.toIPv4Address() : address;
};

/** An address or a CIDR range; the range's network address (host bits cleared), IPv4-mapped ranges as IPv4. */
export const parseIpRange = (text: string): IpRange | undefined => {
  const slash = text.indexOf('/');
  if (slash < 0) {
    const address = parseIpAddress(text);
    return address && [address, fullLength(address)];
  }
  const bitsText = text.slice(slash + 1);
  if (!/^\d{1,3}$/.test(bitsText)) return undefined;
  const written = text.slice(0, slash);
  const v6 = !ipaddr.IPv4.isValidFourPartDecimal(written);
  let bits = Number(bitsText);
  let address = parseIpAddress(written);
  if (address === undefined || bits > (v6 ? 128 : 32)) return undefined;
  if (v6 && address.kind() === 'ipv4') {
    // `::ffff:a.b.c.d/n` is an IPv4 range only when it lies wholly inside ::ffff:0:0/96.
    if (bits < 96) address = (address as ipaddr.IPv4).toIPv4MappedAddress();
    else bits -= 96;
  }
  const network = address.kind() === 'ipv4' ? ipaddr.IPv4.networkAddressFromCIDR(`${address.toString()}/${bits}`) : ipaddr.IPv6.networkAddressFromCIDR(`${address.toString()}/${bits}`);
  return [network, bits];
};

/** The one written form of a range: RFC 5952 for IPv6, `/n` left out for a single address. */
export const formatIpRange = ([address, bits]: IpRange): string => {
  const text = address.kind() === 'ipv6' ? (address as ipaddr.IPv6).toRFC5952String() : address.toString();
  return bits === fullLength(address) ? text : `${text}/${bits}`;
};

export const isIpAllowlistEntry = (value: unknown): value is string => typeof value === 'string' && parseIpRange(value) !== undefined;

/**
 * Untrusted input as an allowlist: each entry an address or CIDR range, normalised so that
 * equal lists compare equal, duplicates dropped, in the order given. Empty: any address.
 */
export const validIpAllowlist = (raw: unknown, field = 'ipAllowlist'): string[] => {
  if (!Array.isArray(raw)) throw validationError(field, `${field} must be a list of IP addresses or CIDR ranges`);
  if (raw.length > MAX_IP_ALLOWLIST_ENTRIES) throw validationError(field, `${field} holds at most ${MAX_IP_ALLOWLIST_ENTRIES} entries`);
  const entries = raw.map((entry: unknown, i) => {
    const range = typeof entry === 'string' ? parseIpRange(entry) : undefined;
    // The entry is not echoed: whatever was sent stays out of errors and logs.
    if (range === undefined) throw validationError(`${field}[${i}]`, 'an entry is an IPv4 or IPv6 address or CIDR range, e.g. 203.0.113.7 or 2001:db8::/32');
    return formatIpRange(range);
  });
  return [...new Set(entries)];
};

export const sameIpAllowlist = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && a.every((entry, i) => entry === b[i]);
