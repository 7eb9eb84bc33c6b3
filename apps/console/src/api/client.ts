import createClient from 'openapi-fetch';
import type { paths } from './schema.generated';

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

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The only way the console reaches the gateway: typed by the OpenAPI document, the session cookie sent, writes carrying the CSRF token. */
export const api = createClient<paths>({ baseUrl: window.location.origin, credentials: 'same-origin' });

api.use({
  onRequest({ request }) {
    if (!SAFE_METHODS.has(request.method) && csrfToken) request.headers.set('X-CSRF-Token', csrfToken);
    return request;
  },
  onResponse({ request, response }) {
    if (response.status === 401 && !new URL(request.url).pathname.startsWith('/v1/session')) onSignedOut();
    return response;
  },
});
