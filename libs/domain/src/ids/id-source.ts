import { createHmac } from 'node:crypto';
import { base62From, randomBase62 } from '../keys/secret/random-base62';

/** Where the random part of a new aggregate's id comes from. */
export type IdSource = (length: number) => string;

export const randomIds: IdSource = randomBase62;

/**
 * The same `(secret, input)` always gives the same characters, and nobody without `secret` can
 * tell them in advance: HMAC-SHA256 in counter mode, sampled without bias like `randomBase62`.
 * A retried create derives the id of the stream its first attempt wrote to.
 */
export const derivedIds =
  (secret: Buffer, input: string): IdSource =>
  (length) =>
    base62From(length, (_count, round) => createHmac('sha256', secret).update(`${round}\0${input}`).digest());
