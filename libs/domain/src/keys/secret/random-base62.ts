import { randomBytes } from 'node:crypto';
import { BASE62_ALPHABET } from './base62';

/** 4 × 62: bytes at or above it are drawn again, so every character is equally likely (no modulo bias). */
const UNBIASED_LIMIT = 248;
/** About 3% of bytes are rejected; a few spare bytes make a second draw rare. */
const SPARE_BYTES = 8;

/** `length` base62 characters from the CSPRNG, by rejection sampling. */
export const randomBase62 = (length: number): string => {
  let out = '';
  while (out.length < length) {
    for (const byte of randomBytes(length - out.length + SPARE_BYTES)) {
      if (byte >= UNBIASED_LIMIT) continue;
      out += BASE62_ALPHABET[byte % 62];
      if (out.length === length) break;
    }
  }
  return out;
};
