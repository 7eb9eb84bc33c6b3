import type { StoredSecret } from '@keyward/contracts';
import { KEY_PREFIX_LENGTH } from './key-secret';
import { hashKeySecret } from './secret-hash';

/** What is kept of a fresh secret: its keyed hash, its visible prefix and its last four. */
export const storedSecretOf = (pepper: Buffer, secret: string): StoredSecret => ({
  secretHash: hashKeySecret(pepper, secret),
  prefix: secret.slice(0, KEY_PREFIX_LENGTH),
  lastFour: secret.slice(-4),
});
