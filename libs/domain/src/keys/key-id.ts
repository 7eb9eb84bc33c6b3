import { randomBytes } from 'node:crypto';
import { BASE62_ALPHABET } from './secret/base62';

const KEY_ID = /^key_[0-9A-Za-z]{24}$/;

/** Public, not secret: `key_` + 24 base62 characters (the slight modulo bias is harmless here). */
export const newKeyId = (): string => `key_${Array.from(randomBytes(24), (b) => BASE62_ALPHABET[b % 62]).join('')}`;

export const isKeyId = (value: unknown): value is string => typeof value === 'string' && KEY_ID.test(value);
