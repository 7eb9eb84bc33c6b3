import type { Request } from 'express';

type Route = Pick<Request, 'method' | 'path'>;

/** As Express matches routes: case-insensitive, a trailing slash optional. */
const routeOf = ({ method, path }: Route): string => `${method} ${path.replace(/\/+$/, '').toLowerCase()}`;

/**
 * Revoke-by-secret answers the same whatever it is sent: a body the parser or the input check
 * refuses is read as no body, so that no 400 or 413 tells anything, and the request still reaches
 * (and is counted by) the route's throttle.
 */
const ANY_BODY = new Set(['POST /v1/keys/revoke-leaked']);

/**
 * These routes read their bodies field by field, never recursively, and judge each field
 * themselves: a NUL in one leak report entry's url drops that url, it does not refuse the report.
 */
const OWN_CHECKS = new Set(['POST /v1/leaks', ...ANY_BODY]);

export const takesAnyBody = (request: Route): boolean => ANY_BODY.has(routeOf(request));
export const checksOwnBody = (request: Route): boolean => OWN_CHECKS.has(routeOf(request));
