import { isIP } from 'node:net';

/** Express's names for address ranges, accepted as they are in the list. */
const NAMED_RANGES = new Set(['loopback', 'linklocal', 'uniquelocal']);

const isAddressOrRange = (item: string): boolean => {
  if (NAMED_RANGES.has(item)) return true;
  const [address = '', prefix, extra] = item.split('/');
  const family = isIP(address);
  if (family === 0 || extra !== undefined) return false;
  if (prefix === undefined) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128);
};

/**
 * `KEYWARD_TRUST_PROXY`, for Express's `trust proxy`: which proxies' `X-Forwarded-For` /
 * `X-Forwarded-Proto` to believe, so that `request.ip` is the browser's address (sign-in throttle,
 * IP allowlists) and `request.secure` is true behind a TLS proxy (the session cookie's Secure).
 * `false` (the default: the gateway faces browsers itself), a hop count (`1`: the one proxy in
 * front), or a comma list of addresses and CIDRs (and `loopback`, `linklocal`, `uniquelocal`).
 * Anything else stops the start: a typo must not silently trust every client's header.
 */
export const trustProxyOf = (env: NodeJS.ProcessEnv): false | number | string[] => {
  const raw = env['KEYWARD_TRUST_PROXY']?.trim();
  if (raw === undefined || raw === '' || raw === 'false') return false;
  if (/^\d+$/.test(raw)) {
    const hops = Number(raw);
    if (hops >= 1 && hops <= 16) return hops;
  } else {
    const items = raw.split(',').map((item) => item.trim());
    if (items.every(isAddressOrRange)) return items;
  }
  throw new Error(`KEYWARD_TRUST_PROXY must be false, a hop count from 1 to 16, or a comma list of addresses and CIDRs (got "${raw}")`);
};
