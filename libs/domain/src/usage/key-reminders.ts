import { expiresSoonAt, isStaleAt, type UsageMarkInput } from './usage-marks';

export type KeyReminderKind = 'key.expiring' | 'key.stale';

/**
 * A reminder a key is due, and what it is for: the expiry it warns of (`key.expiring`: a changed
 * expiry is a new reminder), or the last use (its creation if never used) its stale spell began
 * after (`key.stale`: a use ends the spell, so the next one is a new reminder; a changed
 * `staleAfterDays` does not start one).
 */
export interface DueKeyReminder {
  readonly kind: KeyReminderKind;
  readonly forMs: number;
}

/** The reminders the key's marks call for at `now` (product.md 9.3), by the marks' own rules. */
export const dueKeyReminders = (key: UsageMarkInput, staleAfterDays: number, now: Date): DueKeyReminder[] => {
  const due: DueKeyReminder[] = [];
  if (expiresSoonAt(key, now) && key.expiresAtMs !== null) due.push({ kind: 'key.expiring', forMs: key.expiresAtMs });
  if (isStaleAt(key, staleAfterDays, now)) due.push({ kind: 'key.stale', forMs: key.lastUsedAtMs ?? key.createdAtMs });
  return due;
};
