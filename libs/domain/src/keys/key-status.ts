import type { KeyStatus } from '@keyward/contracts';
import type { ExistingKey } from './key.state';

/**
 * What a key's status is read from, in the form every layer can give: the aggregate's state,
 * the key table's row, the verifier's index.
 */
export interface KeyLifetime {
  /** Revoked (or deleted) by an event. */
  readonly revoked: boolean;
  /** Epoch milliseconds; `null` for a key that never expires. */
  readonly expiresAtMs: number | null;
}

/** Expired from the instant of expiry on. */
export const isExpiredAt = (expiresAtMs: number | null, nowMs: number): boolean => expiresAtMs !== null && expiresAtMs <= nowMs;

/** "Expired" is not an event: it is what the clock says about a key that was not revoked. */
export const keyStatusAt = ({ revoked, expiresAtMs }: KeyLifetime, now: Date): KeyStatus =>
  revoked ? 'revoked' : isExpiredAt(expiresAtMs, now.getTime()) ? 'expired' : 'active';

export const lifetimeOf = (key: Pick<ExistingKey, 'status' | 'expiresAt'>): KeyLifetime => ({
  revoked: key.status === 'revoked',
  expiresAtMs: key.expiresAt === null ? null : Date.parse(key.expiresAt),
});
