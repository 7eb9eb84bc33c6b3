import type { KeyStatus } from '@keyward/contracts';

const DAY_MS = 86_400_000;

/** A key is marked `expiresSoon` this long before its expiry (product.md section 9.3). */
export const EXPIRES_SOON_MS = 7 * DAY_MS;

/** What the marks are read from, in the form the key table and a key's folded history can both give. */
export interface UsageMarkInput {
  readonly status: KeyStatus;
  readonly createdAtMs: number;
  readonly expiresAtMs: number | null;
  readonly lastUsedAtMs: number | null;
}

/** A last use (or creation) at or before this makes a live key stale: the SQL filter's bound. */
export const staleBefore = (staleAfterDays: number, now: Date): Date => new Date(now.getTime() - staleAfterDays * DAY_MS);

/**
 * Only a live key can be stale: no VALID answer for `staleAfterDays`, counted from its creation if
 * it never had one. The key list's SQL filter is held to this by `usage.int.spec.ts` (libs/read-models).
 */
export const isStaleAt = (key: UsageMarkInput, staleAfterDays: number, now: Date): boolean =>
  key.status === 'active' && (key.lastUsedAtMs ?? key.createdAtMs) <= staleBefore(staleAfterDays, now).getTime();

/** A live key whose expiry comes within seven days. */
export const expiresSoonAt = (key: UsageMarkInput, now: Date): boolean =>
  key.status === 'active' && key.expiresAtMs !== null && key.expiresAtMs - now.getTime() <= EXPIRES_SOON_MS;

