import { createHmac, timingSafeEqual } from 'node:crypto';

/** HMAC-SHA256(pepper, secret) as bytes, for indexes keyed on the raw digest. */
export const keySecretDigest = (pepper: Buffer, secret: string): Buffer => createHmac('sha256', pepper).update(secret).digest();

/** The stored form, lowercase hex: all that is ever kept of a secret. */
export const hashKeySecret = (pepper: Buffer, secret: string): string => keySecretDigest(pepper, secret).toString('hex');

/**
 * Constant-time equality of two stored hashes. Compared as UTF-8 bytes, not decoded from hex:
 * hex decoding stops at the first bad character, which would make `"ab"` equal `"abzz"`. Only a
 * length difference answers early, and hashes all have the same length.
 */
export const secretHashesEqual = (a: string, b: string): boolean => {
  const x = Buffer.from(a, 'utf8');
  const y = Buffer.from(b, 'utf8');
  return x.length === y.length && timingSafeEqual(x, y);
};
