import { randomIds, type IdSource } from '../ids/id-source';

const KEY_ID = /^key_[0-9A-Za-z]{24}$/;

/** Public, not secret, but unguessable: `key_` + 24 base62 characters from the CSPRNG (or derived from a keyed hash). */
export const newKeyId = (ids: IdSource = randomIds): string => `key_${ids(24)}`;

export const isKeyId = (value: unknown): value is string => typeof value === 'string' && KEY_ID.test(value);
