import { expiresSoonAt, isStaleAt, type UsageMarkInput } from './usage-marks';

const DAY = 86_400_000;
const now = new Date('2026-06-01T00:00:00Z');
const key = (over: Partial<UsageMarkInput>): UsageMarkInput => ({ status: 'active', createdAtMs: now.getTime() - 200 * DAY, expiresAtMs: null, lastUsedAtMs: null, ...over });

describe('usage marks', () => {
  it('a key never used is stale once staleAfterDays have passed since its creation', () => {
    expect(isStaleAt(key({ createdAtMs: now.getTime() - 90 * DAY }), 90, now)).toBe(true);
    expect(isStaleAt(key({ createdAtMs: now.getTime() - 90 * DAY + 1 }), 90, now)).toBe(false);
  });

  it('a VALID answer within staleAfterDays keeps a key fresh, whatever its age', () => {
    expect(isStaleAt(key({ lastUsedAtMs: now.getTime() - 89 * DAY }), 90, now)).toBe(false);
    expect(isStaleAt(key({ lastUsedAtMs: now.getTime() - 2 * DAY }), 1, now)).toBe(true);
  });

  it('revoked and expired keys are neither stale nor expiring soon', () => {
    for (const status of ['revoked', 'expired'] as const) {
      expect(isStaleAt(key({ status }), 90, now)).toBe(false);
      expect(expiresSoonAt(key({ status, expiresAtMs: now.getTime() + DAY }), now)).toBe(false);
    }
  });

  it('expires soon within seven days of its expiry, not before, never without one', () => {
    expect(expiresSoonAt(key({ expiresAtMs: now.getTime() + 7 * DAY }), now)).toBe(true);
    expect(expiresSoonAt(key({ expiresAtMs: now.getTime() + 7 * DAY + 1 }), now)).toBe(false);
    expect(expiresSoonAt(key({ expiresAtMs: null }), now)).toBe(false);
  });
});
