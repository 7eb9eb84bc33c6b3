import ipaddr from 'ipaddr.js';

/**
 * Whether an address is an ordinary public unicast one. Everything else — loopback, private,
 * carrier-grade NAT, link-local, unique-local, multicast, unspecified, broadcast, reserved, and
 * IPv6 forms that carry an IPv4 address (mapped, NAT64, 6to4, Teredo) — is not: ipaddr.js names
 * the range, and only `unicast` passes, so a range it learns later is refused until reviewed.
 */
export const isPublicAddress = (address: string): boolean => {
  if (!ipaddr.isValid(address)) return false;
  // `process` turns ::ffff:a.b.c.d into a.b.c.d, so a mapped loopback is judged as loopback.
  return ipaddr.process(address).range() === 'unicast';
};
