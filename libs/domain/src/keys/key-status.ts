import type { KeyStatus } from '@keyward/contracts';
import type { ExistingKey } from './key.state';

/** Expired from the instant of `expiresAt` on. */
export const isExpiredAt = (key: Pick<ExistingKey, 'expiresAt'>, now: Date): boolean =>
  key.expiresAt !== null && Date.parse(key.expiresAt) <= now.getTime();

/** "Expired" is not an event: it is what the clock says about a key that was not revoked. */
export const keyStatusAt = (key: ExistingKey, now: Date): KeyStatus =>
  key.status === 'revoked' ? 'revoked' : isExpiredAt(key, now) ? 'expired' : 'active';
