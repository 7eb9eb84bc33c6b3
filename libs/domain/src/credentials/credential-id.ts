import { randomIds, type IdSource } from '../ids/id-source';

const CREDENTIAL_ID = /^cred_[0-9A-Za-z]{24}$/;

/** Like a key id: public, unguessable, unique across workspaces, so the stream is named by the id alone. */
export const newCredentialId = (ids: IdSource = randomIds): string => `cred_${ids(24)}`;

export const isCredentialId = (value: unknown): value is string => typeof value === 'string' && CREDENTIAL_ID.test(value);
