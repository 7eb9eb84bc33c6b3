import { DEFAULT_OUTBOUND_POLICY } from '@keyward/outbound';
import { webhookPolicyFromEnv, webhookRetentionMsFromEnv } from './delivery-settings';

describe('webhook delivery settings', () => {
  it('bounds a try by 10 s unless set, never above the outbound policy', () => {
    expect(webhookPolicyFromEnv(DEFAULT_OUTBOUND_POLICY, {}).timeoutMs).toBe(10_000);
    expect(webhookPolicyFromEnv(DEFAULT_OUTBOUND_POLICY, { KEYWARD_WEBHOOK_TIMEOUT_MS: '2500' })).toEqual({ ...DEFAULT_OUTBOUND_POLICY, timeoutMs: 2_500 });
    expect(webhookPolicyFromEnv({ ...DEFAULT_OUTBOUND_POLICY, timeoutMs: 4_000 }, {}).timeoutMs).toBe(4_000);
    expect(() => webhookPolicyFromEnv(DEFAULT_OUTBOUND_POLICY, { KEYWARD_WEBHOOK_TIMEOUT_MS: 'soon' })).toThrow('KEYWARD_WEBHOOK_TIMEOUT_MS');
  });

  it('keeps settled deliveries 30 days unless set; a bad value stops the service', () => {
    expect(webhookRetentionMsFromEnv({})).toBe(30 * 86_400_000);
    expect(webhookRetentionMsFromEnv({ KEYWARD_WEBHOOK_RETENTION_DAYS: '7' })).toBe(7 * 86_400_000);
    expect(() => webhookRetentionMsFromEnv({ KEYWARD_WEBHOOK_RETENTION_DAYS: '0' })).toThrow('KEYWARD_WEBHOOK_RETENTION_DAYS');
  });
});
