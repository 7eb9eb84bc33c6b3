import { createHash } from 'node:crypto';
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
 * SHA-256 of the request in a canonical form: object fields sorted (safe-stable-stringify), so the
 * same JSON with its fields in another order is the same request, while any other difference in
 * caller, method, path or body is another request.
 */
export const requestFingerprint = (request: FingerprintedRequest): string =>
  createHash('sha256')
    .update(stringify([request.actor, request.method.toUpperCase(), request.url, request.body ?? null]) ?? '')
    .digest('hex');
