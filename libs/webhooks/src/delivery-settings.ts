import { millisecondsFromEnv } from '@keyward/config';
import type { OutboundPolicy } from '@keyward/outbound';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * A webhook try's own bound, shorter than the outbound default (30 s, sized for the broker's
 * upstream APIs): a receiver should answer at once and work afterwards, and a hanging one holds a
 * sender slot for the whole bound. `KEYWARD_WEBHOOK_TIMEOUT_MS`, default 10 s, never above the
 * outbound policy's.
 */
export const webhookPolicyFromEnv = (policy: OutboundPolicy, env: NodeJS.ProcessEnv = process.env): OutboundPolicy => ({
  ...policy,
  timeoutMs: Math.min(policy.timeoutMs, millisecondsFromEnv(env, 'KEYWARD_WEBHOOK_TIMEOUT_MS', 10_000, 120_000)),
});

/** `KEYWARD_WEBHOOK_RETENTION_DAYS` (default 30, 1 to 3,650): how long settled deliveries are kept. */
export const webhookRetentionMsFromEnv = (env: NodeJS.ProcessEnv = process.env): number => {
  const raw = env.KEYWARD_WEBHOOK_RETENTION_DAYS;
  if (raw === undefined || raw === '') return 30 * DAY_MS;
  const days = /^\d{1,4}$/.test(raw) ? Number(raw) : NaN;
  if (!(days >= 1 && days <= 3_650)) throw new Error('KEYWARD_WEBHOOK_RETENTION_DAYS must be a whole number of days from 1 to 3650 (default 30)');
  return days * DAY_MS;
};
