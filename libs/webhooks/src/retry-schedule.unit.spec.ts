import { DEFAULT_RETRY_SCHEDULE, retryDelayMs, retryPeriodOver, retryScheduleFromEnv } from './retry-schedule';
import { deliveryId } from './delivery-id';
import { newWebhookSecret } from './webhook-secret';

const schedule = { retryForMs: 10_000, baseDelayMs: 100, maxDelayMs: 1_000 };

describe('retry schedule', () => {
  it('draws each pause uniformly up to a ceiling that doubles from the base, capped (full jitter)', () => {
    expect([1, 2, 3, 4, 5, 20].map((attempt) => retryDelayMs(attempt, schedule, () => 0.999999))).toEqual([99, 199, 399, 799, 999, 999]);
    expect(retryDelayMs(3, schedule, () => 0)).toBe(0);
    expect(retryDelayMs(3, schedule, () => 0.5)).toBe(200);
  });

  it('gives up once the retry period since the first try is over', () => {
    const first = new Date('2026-12-01T00:00:00Z');
    expect(retryPeriodOver(first, new Date(first.getTime() + 9_999), schedule)).toBe(false);
    expect(retryPeriodOver(first, new Date(first.getTime() + 10_000), schedule)).toBe(true);
  });

  it('retries for 24 hours unless the operator says otherwise, and refuses a malformed setting', () => {
    expect(retryScheduleFromEnv({})).toEqual(DEFAULT_RETRY_SCHEDULE);
    expect(DEFAULT_RETRY_SCHEDULE.retryForMs).toBe(86_400_000);
    expect(retryScheduleFromEnv({ KEYWARD_WEBHOOK_RETRY_FOR_MS: '5000', KEYWARD_WEBHOOK_RETRY_BASE_MS: '10' })).toEqual({ ...DEFAULT_RETRY_SCHEDULE, retryForMs: 5_000, baseDelayMs: 10 });
    expect(() => retryScheduleFromEnv({ KEYWARD_WEBHOOK_RETRY_MAX_MS: '-1' })).toThrow('KEYWARD_WEBHOOK_RETRY_MAX_MS must be a whole number of milliseconds from 1 to 86400000 (default 3600000)');
  });
});

describe('delivery ids and secrets', () => {
  it('names a delivery by its endpoint and event, the same every time', () => {
    expect(deliveryId('whk_a', 'e-1')).toBe(deliveryId('whk_a', 'e-1'));
    expect(deliveryId('whk_a', 'e-1')).not.toBe(deliveryId('whk_b', 'e-1'));
    expect(deliveryId('whk_a', 'e-1')).toMatch(/^msg_[0-9a-f]{32}$/);
  });

  it('draws secrets in the whsec_ form, 32 random bytes', () => {
    const secret = newWebhookSecret();
    expect(Buffer.from(secret.slice('whsec_'.length), 'base64')).toHaveLength(32);
    expect(newWebhookSecret()).not.toBe(secret);
  });
});
