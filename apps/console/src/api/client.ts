import createClient from 'openapi-fetch';
import type { paths } from './schema.generated';
import { isCsrfRefusal } from './api-error';

/** The CSRF token of the session, in memory only (never browser storage): a reload asks GET /v1/session again. */
let csrfToken: string | null = null;
export const setCsrfToken = (token: string | null): void => {
  csrfToken = token;
};

/** Called when an answer says the session is gone (idle expiry, a revoked key, signed out elsewhere). */
let onSignedOut: () => void = () => undefined;
export const whenSignedOut = (listener: () => void): void => {
  onSignedOut = listener;
};

/** Called when a write was refused for its CSRF token: the session changed under this tab (another tab signed in). */
let onStaleSession: () => void = () => undefined;
export const whenSessionStale = (listener: () => void): void => {
  onStaleSession = listener;
};

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The only way the console reaches the gateway: typed by the OpenAPI document, the session cookie sent, writes carrying the CSRF token. */
export const api = createClient<paths>({ baseUrl: window.location.origin, credentials: 'same-origin' });

api.use({
  onRequest({ request }) {
    if (!SAFE_METHODS.has(request.method) && csrfToken) request.headers.set('X-CSRF-Token', csrfToken);
    return request;
  },
  async onResponse({ request, response }) {
    if (response.status === 401 && !new URL(request.url).pathname.startsWith('/v1/session')) onSignedOut();
    if (response.status === 403 && isCsrfRefusal(await response.clone().json().catch(() => null))) onStaleSession();
    return response;
  },
});
