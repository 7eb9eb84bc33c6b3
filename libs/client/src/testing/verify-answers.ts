import type { VerifyAnswer } from '@keyward/contracts';
import type { VerifiedKey } from '../verified-key';

/** Who the VALID answer below says the key is. */
export const VALID_PRINCIPAL: VerifiedKey = {
  keyId: 'key_1',
  workspaceId: 'default',
  name: 'orders',
  environment: 'live',
  expiresAt: null,
  roles: ['read-only'],
  permissions: ['*:read'],
};

/** A VALID answer as the verifier gives it. */
export const VALID_ANSWER: VerifyAnswer = { valid: true, code: 'VALID', ...VALID_PRINCIPAL };
