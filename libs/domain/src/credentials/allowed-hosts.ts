import { validationError } from '../domain.error';

export const MAX_ALLOWED_HOSTS = 20;
const MAX_HOSTNAME_LENGTH = 253;

/** A hostname as a caller may write it: letters of any script (IDNA turns them to ASCII), digits, hyphens and dots. */
const HOSTNAME_INPUT = /^[\p{L}\p{M}\p{N}.-]+$/u;
/** An IPv6 literal is written in brackets, as in a URL; nothing else (zone ids) may come with it. */
const IPV6_INPUT = /^\[[0-9A-Fa-f:.]+\]$/;
/** An explicit port, e.g. a custom API on 8443; without one only the scheme's default port is allowed. */
const PORT_SUFFIX = /:(\d{1,5})$/;
const ASCII_LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;

/**
 * One allowed host, as the broker will compare it with a URL's host: lowercase, IDNA (punycode),
 * no trailing dot, an IPv4 or IPv6 literal in its canonical form, optionally `:port` (1 to 65535;
 * without it, the URL's scheme's default port only). No scheme, path, userinfo or wildcard: a host
 * is allowed exactly, so a value can go nowhere its owner did not name. `undefined` when `raw` is
 * none of that.
 */
export const normaliseHost = (raw: string): string | undefined => {
  const text = raw.trim();
  const port = PORT_SUFFIX.exec(text)?.[1];
  if (port === undefined) return normaliseHostname(text);
  const host = Number(port) >= 1 && Number(port) <= 65_535 ? normaliseHostname(text.slice(0, -port.length - 1)) : undefined;
  return host === undefined ? undefined : `${host}:${Number(port)}`;
};

const normaliseHostname = (text: string): string | undefined => {
  const input = text.replace(/\.$/, '');
  if (!HOSTNAME_INPUT.test(input) && !IPV6_INPUT.test(input)) return undefined;
  let host: string;
  try {
    // WHATWG URL parsing is what the broker's outbound URLs go through: the same host, compared the same way.
    host = new URL(`https://${input}/`).hostname;
  } catch {
    return undefined;
  }
  if (host.startsWith('[')) return host;
  if (host.length === 0 || host.length > MAX_HOSTNAME_LENGTH) return undefined;
  return host.split('.').every((label) => ASCII_LABEL.test(label)) ? host : undefined;
};

/** 1 to `MAX_ALLOWED_HOSTS` hosts, each normalised, once each in the order given (per-field 400s). */
export const validAllowedHosts = (raw: readonly string[]): string[] => {
  if (raw.length === 0 || raw.length > MAX_ALLOWED_HOSTS) throw validationError('allowedHosts', `allowedHosts must name 1 to ${MAX_ALLOWED_HOSTS} hosts`);
  const hosts = raw.map((text, i) => {
    const host = normaliseHost(text);
    if (host === undefined) throw validationError(`allowedHosts[${i}]`, 'a host is a hostname or an IP address (IPv6 in brackets), optionally with :port, without scheme, path or wildcard');
    return host;
  });
  return [...new Set(hosts)];
};
