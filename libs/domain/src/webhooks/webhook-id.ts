import { randomIds, type IdSource } from '../ids/id-source';

const WEBHOOK_ID = /^whk_[0-9A-Za-z]{24}$/;

/** Like a credential id: public, unguessable, unique across workspaces, so the stream is named by the id alone. */
export const newWebhookId = (ids: IdSource = randomIds): string => `whk_${ids(24)}`;

export const isWebhookId = (value: unknown): value is string => typeof value === 'string' && WEBHOOK_ID.test(value);
