import { createHmac } from 'node:crypto';

/** HMAC-SHA256(pepper, secret) as bytes, for indexes keyed on the raw digest. */
export const keySecretDigest = (pepper: Buffer, secret: string): Buffer => createHmac('sha256', pepper).update(secret).digest();

/** The stored form, lowercase hex: all that is ever kept of a secret. */
export const hashKeySecret = (pepper: Buffer, secret: string): string => keySecretDigest(pepper, secret).toString('hex');
