import { createHmac, timingSafeEqual } from 'node:crypto';

/** HMAC-SHA256(pepper, secret): all that is ever stored of a secret. */
export const keySecretDigest = (pepper: Buffer, secret: string): Buffer => createHmac('sha256', pepper).update(secret).digest();

/** The stored form: lowercase hex. */
export const hashKeySecret = (pepper: Buffer, secret: string): string => keySecretDigest(pepper, secret).toString('hex');

/** Constant-time equality of two hex hashes (length differences answer false at once). */
export const secretHashesEqual = (a: string, b: string): boolean => {
  const x = Buffer.from(a, 'hex');
  const y = Buffer.from(b, 'hex');
  return x.length === y.length && x.length > 0 && timingSafeEqual(x, y);
};
