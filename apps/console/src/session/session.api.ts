import { api, setCsrfToken } from '../api/client';
import { unwrap } from '../api/api-error';
import type { Principal } from './principal';

/** Signs in with a pasted key: the gateway keeps the session and sets its HttpOnly cookie; the key is forgotten here at once. */
export const signIn = async (key: string): Promise<Principal> => {
  const session = await unwrap(api.POST('/v1/session', { body: { key } }));
  setCsrfToken(session.csrfToken);
  return session.principal;
};

/** The session of the cookie, after a reload; null when there is none. */
export const currentSession = async (): Promise<Principal | null> => {
  const { data, response } = await api.GET('/v1/session');
  if (!response.ok || !data) return null;
  setCsrfToken(data.csrfToken);
  return data.principal;
};

export const signOut = async (): Promise<void> => {
  await unwrap(api.DELETE('/v1/session'));
  setCsrfToken(null);
};
