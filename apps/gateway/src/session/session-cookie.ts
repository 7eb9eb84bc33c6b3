import { parseCookie, stringifySetCookie } from 'cookie';
import type { Request, Response } from 'express';

/** The console's session cookie; its value is the session id (the store keeps only its digest). */
export const SESSION_COOKIE = 'keyward_session';
/** Where the console's sign-in lives: public, and outside Idempotency-Key (an answer holding a CSRF token is never kept). */
export const SESSION_ROUTE = '/v1/session';

/** The session id the request's Cookie header carries, if any (the first, should there be several). */
export const sessionIdOf = (request: Request): string | undefined => {
  const header = request.headers.cookie;
  return header ? parseCookie(header)[SESSION_COOKIE] || undefined : undefined;
};

/**
 * HttpOnly (no script reads it), SameSite=Strict (no other site's page sends it), Path=/, Secure
 * when the request came over https (behind a proxy: `trust proxy` makes `request.secure` true).
 * No Max-Age: the browser forgets it on close; the server ends it anyway when idle.
 */
export const setSessionCookie = (request: Request, response: Response, id: string): void => {
  response.append('Set-Cookie', stringifySetCookie({ name: SESSION_COOKIE, value: id, httpOnly: true, sameSite: 'strict', path: '/', secure: request.secure }));
};

/** Tells the browser to drop the cookie (sign-out, or a session the server no longer has). */
export const clearSessionCookie = (request: Request, response: Response): void => {
  response.append('Set-Cookie', stringifySetCookie({ name: SESSION_COOKIE, value: '', httpOnly: true, sameSite: 'strict', path: '/', secure: request.secure, expires: new Date(0) }));
};
