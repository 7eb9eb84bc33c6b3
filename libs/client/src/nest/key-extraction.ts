import { authorizationHeaders } from './authorization-headers';
import type { KeywardRequest } from './keyward-request';

export type KeyExtraction =
  | { readonly kind: 'none' }
  | { readonly kind: 'key'; readonly key: string }
  /** Different keys in different places (or a repeated `api_key`): which one is meant is unknown. */
  | { readonly kind: 'ambiguous' };

const BEARER = /^Bearer[ \t]+(.*)$/i;

/** `Authorization: Bearer <key>`; other schemes (Basic for a proxy, say) are not ours and are ignored. */
const fromAuthorization = (value: string): string[] => {
  const token = BEARER.exec(value)?.[1];
  return token === undefined ? [] : [token];
};

/** Every `Authorization` header, from the raw lines when there are any: `headers` holds only the first. */
const authorizations = (request: Pick<KeywardRequest, 'headers' | 'rawHeaders'>): string[] =>
  request.rawHeaders ? authorizationHeaders(request.rawHeaders) : [request.headers.authorization ?? []].flat();

/** Node joins repeated `X-API-Key` headers with ", ", which then reads as one malformed key. */
const fromHeader = (value: string | string[] | undefined): string[] => (value === undefined ? [] : [value].flat());

/** `?api_key=` may repeat; only strings count (an extended query parser may also give objects). */
const fromQuery = (value: unknown): string[] => [value].flat().filter((v): v is string => typeof v === 'string');

/**
 * Finds the presented key in `Authorization: Bearer <key>`, `X-API-Key: <key>`, then `?api_key=<key>`.
 * Blank values count as absent. The same key in several places is that key; different keys are
 * `ambiguous` — the guard picks none of them rather than guess (it answers 401 without verifying
 * either, so the answer tells nothing about them).
 */
export const extractKey = (request: Pick<KeywardRequest, 'headers' | 'rawHeaders' | 'query'>): KeyExtraction => {
  const found = [...authorizations(request).flatMap(fromAuthorization), ...fromHeader(request.headers['x-api-key']), ...fromQuery(request.query.api_key)]
    .map((candidate) => candidate.trim())
    .filter((candidate) => candidate !== '');
  const distinct = new Set(found);
  if (distinct.size === 0) return { kind: 'none' };
  if (distinct.size > 1) return { kind: 'ambiguous' };
  return { kind: 'key', key: found[0] };
};
