import { randomBytes } from 'node:crypto';

/** Standard Webhooks' form: `whsec_` and the base64 of the HMAC key (32 random bytes, within its 24 to 64). */
export const newWebhookSecret = (): string => `whsec_${randomBytes(32).toString('base64')}`;
