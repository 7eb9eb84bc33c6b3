import { createHmac } from 'node:crypto';
import { stringify } from 'safe-stable-stringify';

export interface FingerprintedRequest {
  /** The calling key (or `root`): another caller's request with the same key is another request. */
  readonly actor: string;
  readonly method: string;
  /** Path and query, as sent. */
  readonly url: string;
  /** The parsed JSON body; `undefined` when there was none. */
  readonly body: unknown;
}

/**
 * HMAC-SHA256 under `key` of the request in a canonical form: object fields sorted
 * (safe-stable-stringify), so the same JSON with its fields in another order is the same request,
 * while any other difference in caller, method, path or body is another request. Keyed, because a
 * body may hold a secret (a credential's value) and the fingerprint is kept.
 */
export const requestFingerprint = (request: FingerprintedRequest, key: Buffer): string =>
  createHmac('sha256', key)
    .update(stringify([request.actor, request.method.toUpperCase(), request.url, request.body ?? null]) ?? '')
    .digest('hex');
