import { randomBase62 } from './secret/random-base62';

const KEY_ID = /^key_[0-9A-Za-z]{24}$/;

/** Public, not secret, but unguessable: `key_` + 24 base62 characters from the CSPRNG. */
export const newKeyId = (): string => `key_${randomBase62(24)}`;

export const isKeyId = (value: unknown): value is string => typeof value === 'string' && KEY_ID.test(value);
