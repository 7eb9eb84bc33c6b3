import { dueKeyReminders } from './key-reminders';
import type { UsageMarkInput } from './usage-marks';

const DAY = 86_400_000;
const now = new Date('2026-06-01T00:00:00Z');
const key = (over: Partial<UsageMarkInput>): UsageMarkInput => ({ status: 'active', createdAtMs: now.getTime() - 10 * DAY, expiresAtMs: null, lastUsedAtMs: null, ...over });

describe('dueKeyReminders', () => {
  it('reminds of an expiry within seven days, for that expiry', () => {
    const expiresAtMs = now.getTime() + 3 * DAY;
    expect(dueKeyReminders(key({ expiresAtMs }), 90, now)).toEqual([{ kind: 'key.expiring', forMs: expiresAtMs }]);
    expect(dueKeyReminders(key({ expiresAtMs: now.getTime() + 8 * DAY }), 90, now)).toEqual([]);
  });

  it('reminds of a stale spell, for the last use it began after (the creation when never used)', () => {
    const createdAtMs = now.getTime() - 40 * DAY;
    expect(dueKeyReminders(key({ createdAtMs }), 30, now)).toEqual([{ kind: 'key.stale', forMs: createdAtMs }]);
    const lastUsedAtMs = now.getTime() - 31 * DAY;
    expect(dueKeyReminders(key({ createdAtMs, lastUsedAtMs }), 30, now)).toEqual([{ kind: 'key.stale', forMs: lastUsedAtMs }]);
    expect(dueKeyReminders(key({ createdAtMs, lastUsedAtMs: now.getTime() - DAY }), 30, now)).toEqual([]);
  });

  it('reminds of both at once, and of nothing for a key that is not live', () => {
    const both = key({ createdAtMs: now.getTime() - 40 * DAY, expiresAtMs: now.getTime() + DAY });
    expect(dueKeyReminders(both, 30, now).map((r) => r.kind)).toEqual(['key.expiring', 'key.stale']);
    expect(dueKeyReminders({ ...both, status: 'revoked' }, 30, now)).toEqual([]);
    expect(dueKeyReminders({ ...both, status: 'expired' }, 30, now)).toEqual([]);
  });
});
