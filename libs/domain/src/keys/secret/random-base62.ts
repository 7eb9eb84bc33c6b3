import { randomBytes } from 'node:crypto';
import { BASE62_ALPHABET } from './base62';

/** 4 × 62: bytes at or above it are drawn again, so every character is equally likely (no modulo bias). */
const UNBIASED_LIMIT = 248;
/** About 3% of bytes are rejected; a few spare bytes make a second draw rare. */
const SPARE_BYTES = 8;

/** Uniform bytes: at least `count` are wanted; `round` counts the draws before, for a repeatable source. */
export type ByteSource = (count: number, round: number) => Uint8Array;

/** `length` base62 characters from `bytes`, by rejection sampling. */
export const base62From = (length: number, bytes: ByteSource): string => {
  let out = '';
  for (let round = 0; out.length < length; round++) {
    for (const byte of bytes(length - out.length + SPARE_BYTES, round)) {
      if (byte >= UNBIASED_LIMIT) continue;
      out += BASE62_ALPHABET[byte % 62];
      if (out.length === length) break;
    }
  }
  return out;
};

/** `length` base62 characters from the CSPRNG. */
export const randomBase62 = (length: number): string => base62From(length, (count) => randomBytes(count));
