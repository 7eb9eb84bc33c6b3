import { stringifySetCookie } from 'cookie';
import type { Request, Response } from 'express';

/** The console's session cookie over plain http to loopback; its value is the session id (the store keeps only its digest). */
export const SESSION_COOKIE = 'keyward_session';
/** Its name whenever it is Secure: the browser then refuses it unless Secure, Path=/ and host-only, so no sibling subdomain can plant one. */
export const SECURE_SESSION_COOKIE = '__Host-keyward_session';
const NAMES: ReadonlySet<string> = new Set([SESSION_COOKIE, SECURE_SESSION_COOKIE]);
/** Where the console's sign-in lives: public, and outside Idempotency-Key (an answer holding a CSRF token is never kept). */
export const SESSION_ROUTE = '/v1/session';

const decoded = (value: string): string => {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
};

/** Every session cookie the request carries, under either name, each copy (a cookie parser keeps only the first of a name). */
export const sessionIdsOf = (request: Pick<Request, 'headers'>): string[] => {
  const header = request.headers.cookie;
  if (!header) return [];
  return header.split(';').flatMap((pair) => {
    const at = pair.indexOf('=');
    if (at < 0 || !NAMES.has(pair.slice(0, at).trim())) return [];
    const value = decoded(pair.slice(at + 1).trim());
    return value === '' ? [] : [value];
  });
};

/**
 * `KEYWARD_COOKIE_SECURE`: `auto` (the default) makes the cookie Secure unless the request is plain
 * http to a loopback host (a developer's machine); `true` makes it Secure always. Checked at start.
 */
export const cookieSecureOf = (env: NodeJS.ProcessEnv): 'auto' | 'always' => {
  const raw = env['KEYWARD_COOKIE_SECURE']?.trim();
  if (raw === undefined || raw === '' || raw === 'auto') return 'auto';
  if (raw === 'true') return 'always';
  throw new Error(`KEYWARD_COOKIE_SECURE must be auto or true (got "${raw}")`);
};

const LOOPBACK_HOST = /^(localhost|[^.]+\.localhost|127(\.\d{1,3}){3}|\[::1\]|::1)$/i;

/**
 * Sets, reads and clears the session cookie: HttpOnly (no script reads it), SameSite=Strict (no
 * other site's page sends it), Path=/, Secure (and named `__Host-`) except over plain http to
 * loopback. `request.secure` and `request.hostname` come from the proxy's headers only when
 * KEYWARD_TRUST_PROXY trusts it. No Max-Age: the browser forgets it on close; the server ends it anyway when idle.
 */
export class SessionCookie {
  constructor(private readonly secure: 'auto' | 'always') {}

  isSecure(request: Pick<Request, 'secure' | 'hostname'>): boolean {
    return this.secure === 'always' || request.secure || !LOOPBACK_HOST.test(request.hostname);
  }

  /** Sets it, and drops a cookie of the other name (from a sign-in over the other scheme): two would be no session. */
  set(request: Request, response: Response, id: string): void {
    const secure = this.isSecure(request);
    response.append('Set-Cookie', stringifySetCookie({ name: secure ? SECURE_SESSION_COOKIE : SESSION_COOKIE, value: id, httpOnly: true, sameSite: 'strict', path: '/', secure }));
    this.expire(response, secure ? SESSION_COOKIE : SECURE_SESSION_COOKIE, secure);
  }

  /** Tells the browser to drop it under both names (sign-out, a session the server no longer has, or several cookies at once). */
  clear(request: Request, response: Response): void {
    for (const name of NAMES) this.expire(response, name, this.isSecure(request));
  }

  /** A `__Host-` cookie is only accepted (even to drop it) with Secure. */
  private expire(response: Response, name: string, secure: boolean): void {
    response.append('Set-Cookie', stringifySetCookie({ name, value: '', httpOnly: true, sameSite: 'strict', path: '/', secure: secure || name === SECURE_SESSION_COOKIE, expires: new Date(0) }));
  }
}
