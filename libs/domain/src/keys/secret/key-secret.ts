import { randomBytes } from 'node:crypto';
import type { KeyEnvironment } from '@keyward/contracts';
import { BASE62_ALPHABET, isBase62Code, toBase62 } from './base62';
import { crc32 } from './crc32';

/** `kw_<env>_` + 32 random base62 characters + 6-character base62 CRC32 (product.md section 3). */
const RANDOM_LENGTH = 32;
const CHECKSUM_LENGTH = 6;
const HEAD_LENGTH = 'kw_live_'.length; // `kw_test_` has the same length
export const KEY_SECRET_LENGTH = HEAD_LENGTH + RANDOM_LENGTH + CHECKSUM_LENGTH;
export const KEY_PREFIX_LENGTH = 12;

/** 62 × 4 = 248: bytes at or above it are drawn again, so every character is equally likely. */
const UNBIASED_LIMIT = 248;

const randomBase62 = (length: number): string => {
  let out = '';
  while (out.length < length) {
    for (const byte of randomBytes(length * 2)) {
      if (byte < UNBIASED_LIMIT) out += BASE62_ALPHABET[byte % 62];
      if (out.length === length) break;
    }
  }
  return out;
};

const checksumOf = (body: string, end = body.length): string => toBase62(crc32(body, end), CHECKSUM_LENGTH);

export const generateKeySecret = (environment: KeyEnvironment): string => {
  const body = `kw_${environment}_${randomBase62(RANDOM_LENGTH)}`;
  return body + checksumOf(body);
};

export type ParsedKeySecret =
  | { readonly ok: true; readonly environment: KeyEnvironment; readonly prefix: string; readonly lastFour: string }
  | { readonly ok: false };

const NOT_A_KEY: ParsedKeySecret = { ok: false };

/**
 * Checks shape and checksum without any lookup; runs on every verify, so it is a plain loop
 * with no regular expression and no allocation until the key is known to be well formed.
 */
export const parseKeySecret = (input: unknown): ParsedKeySecret => {
  if (typeof input !== 'string' || input.length !== KEY_SECRET_LENGTH) return NOT_A_KEY;
  if (!input.startsWith('kw_') || input[7] !== '_') return NOT_A_KEY;
  const env = input.slice(3, 7);
  if (env !== 'live' && env !== 'test') return NOT_A_KEY;
  for (let i = HEAD_LENGTH; i < KEY_SECRET_LENGTH; i++) if (!isBase62Code(input.charCodeAt(i))) return NOT_A_KEY;
  const checksumStart = KEY_SECRET_LENGTH - CHECKSUM_LENGTH;
  if (checksumOf(input, checksumStart) !== input.slice(checksumStart)) return NOT_A_KEY;
  return { ok: true, environment: env, prefix: input.slice(0, KEY_PREFIX_LENGTH), lastFour: input.slice(-4) };
};
