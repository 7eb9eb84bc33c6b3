import type { KeyEnvironment } from '@keyward/contracts';
import { base62Digit, toBase62 } from './base62';
import { crc32 } from './crc32';
import { randomBase62 } from './random-base62';

/** `kw_<env>_` + 32 random base62 characters + 6-character base62 CRC32 (product.md section 3). */
const HEAD_LENGTH = 'kw_live_'.length; // `kw_test_` has the same length
const RANDOM_LENGTH = 32;
const CHECKSUM_LENGTH = 6;
const CHECKSUM_START = HEAD_LENGTH + RANDOM_LENGTH;
export const KEY_SECRET_LENGTH = CHECKSUM_START + CHECKSUM_LENGTH;
/** The visible prefix kept and shown: `kw_live_` and 4 random characters. */
export const KEY_PREFIX_LENGTH = 12;

/** A new secret: shown once to its owner, then only its keyed hash is kept. */
export const generateKeySecret = (environment: KeyEnvironment): string => {
  const body = `kw_${environment}_${randomBase62(RANDOM_LENGTH)}`;
  return body + toBase62(crc32(body), CHECKSUM_LENGTH);
};

/**
 * Whether `input` is `^kw_(live|test)_[0-9A-Za-z]{38}$` with a matching checksum, without any
 * lookup. It runs on every verify, so it is plain loops over a fixed length: no regular
 * expression, no exception, no allocation. A guard only for a value not yet known to be a string:
 * for a string, `false` must not narrow it away.
 */
export function isKeySecret(input: string): boolean;
export function isKeySecret(input: unknown): input is string;
export function isKeySecret(input: unknown): boolean {
  if (typeof input !== 'string' || input.length !== KEY_SECRET_LENGTH || !(input.startsWith('kw_live_') || input.startsWith('kw_test_'))) return false;
  for (let i = HEAD_LENGTH; i < CHECKSUM_START; i++) if (base62Digit(input.charCodeAt(i)) < 0) return false;
  // Six base62 digits reach 62^6 > 2^32, so each CRC has exactly one spelling: comparing values is exact.
  let checksum = 0;
  for (let i = CHECKSUM_START; i < KEY_SECRET_LENGTH; i++) {
    const digit = base62Digit(input.charCodeAt(i));
    if (digit < 0) return false;
    checksum = checksum * 62 + digit;
  }
  return checksum === crc32(input, CHECKSUM_START);
}
