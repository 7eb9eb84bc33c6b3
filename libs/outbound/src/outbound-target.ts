import { isIP } from 'node:net';
import { isPublicAddress } from './address-ranges';
import { OutboundRefusedError } from './outbound.errors';
import type { OutboundPolicy } from './outbound.policy';

const DEFAULT_PORTS: Readonly<Record<string, number>> = { 'https:': 443, 'http:': 80 };

/** A URL that passed every check that needs no network: where to connect and what path to ask for. */
export interface OutboundTarget {
  readonly url: URL;
  readonly protocol: 'https:' | 'http:';
  /** As WHATWG URL gives it: lowercase, IDNA (punycode), an IPv6 literal in brackets. */
  readonly hostname: string;
  readonly port: number;
  /** An IP literal (unbracketed) when the URL names one: then there is nothing to resolve. */
  readonly address?: string;
}

/** `host` or `host:port` as allowed hosts hold them (libs/domain normaliseHost). */
const allowedEntry = (entry: string): { host: string; port?: number } => {
  const match = /^(.*):(\d+)$/.exec(entry);
  return match && !match[1].endsWith(':') ? { host: match[1], port: Number(match[2]) } : { host: entry };
};

/**
 * Checks a URL against the hosts it may go to: the host exactly (no suffix or wildcard match), on
 * the scheme's default port unless an entry names the port; no userinfo; https unless the policy
 * allows http; an IP literal only if listed and public (unless the policy allows private ones).
 * DNS names are checked again once resolved (`guardedLookup`).
 */
export const outboundTarget = (rawUrl: string, allowedHosts: readonly string[], policy: OutboundPolicy): OutboundTarget => {
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    throw new OutboundRefusedError('invalid', 'url must be an absolute URL');
  }
  const protocol = url.protocol;
  if (protocol !== 'https:' && !(protocol === 'http:' && policy.allowHttp)) {
    throw new OutboundRefusedError('invalid', policy.allowHttp ? 'url must be http or https' : 'url must be https');
  }
  // A userinfo part could make a reader (or a lax parser) see another host; it never has a use here.
  if (url.username !== '' || url.password !== '' || /^[a-z]+:\/\/[^/?#]*@/i.test(rawUrl.trim())) {
    throw new OutboundRefusedError('invalid', 'url must not carry a user name or password');
  }
  const port = url.port === '' ? DEFAULT_PORTS[protocol] : Number(url.port);
  // `name.` is the fully qualified `name`; allowed hosts are stored without the dot.
  const hostname = url.hostname.replace(/\.$/, '');
  const allowed = allowedHosts.some((entry) => {
    const { host, port: entryPort } = allowedEntry(entry);
    return host === hostname && (entryPort ?? DEFAULT_PORTS[protocol]) === port;
  });
  if (!allowed) throw new OutboundRefusedError('forbidden', `${url.host} is not among the credential's allowed hosts`);
  const literal = hostname.replace(/^\[(.*)\]$/, '$1');
  const address = isIP(literal) ? literal : undefined;
  if (address !== undefined && !policy.allowPrivate && !isPublicAddress(address)) {
    throw new OutboundRefusedError('forbidden', `${url.host} is not a public address`);
  }
  return { url, protocol, hostname, port, ...(address === undefined ? {} : { address }) };
};
