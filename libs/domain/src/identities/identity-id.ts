import { randomIds, type IdSource } from '../ids/id-source';

const IDENTITY_ID = /^idn_[0-9A-Za-z]{24}$/;

/** Like a key id: public, unguessable, unique across workspaces, so the stream is named by the id alone. */
export const newIdentityId = (ids: IdSource = randomIds): string => `idn_${ids(24)}`;

export const isIdentityId = (value: unknown): value is string => typeof value === 'string' && IDENTITY_ID.test(value);
