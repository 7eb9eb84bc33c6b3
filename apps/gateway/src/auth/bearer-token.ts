import { authorizationHeaders } from '@keyward/client';

/** Printable ASCII only, bounded: anything else cannot be a Keyward key or the root key. */
const BEARER = /^Bearer +([\x21-\x7e]{1,512}) *$/i;

/** The credential a request presents: one bearer token, none usable, or more than one. */
export type PresentedCredential = { readonly token: string } | 'none' | 'ambiguous';

/**
 * Read from the raw headers, where `root key, then read-only key` is two headers and not the
 * first alone. Two of them are ambiguous, whatever they hold, and are refused rather than
 * guessed between.
 */
export const presentedCredential = (rawHeaders: readonly string[]): PresentedCredential => {
  const values = authorizationHeaders(rawHeaders);
  if (values.length > 1) return 'ambiguous';
  const token = BEARER.exec(values[0] ?? '')?.[1];
  return token ? { token } : 'none';
};
