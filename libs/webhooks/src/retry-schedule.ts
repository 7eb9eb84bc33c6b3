import { millisecondsFromEnv } from '@keyward/config';

/** How long a delivery is retried and how the pauses between tries grow. */
export interface RetrySchedule {
  /** From the first try: past this, the delivery is given up and its endpoint disabled (24 h). */
  readonly retryForMs: number;
  /** The ceiling of the first pause; doubled after each failed try. */
  readonly baseDelayMs: number;
  /** No pause is longer than this. */
  readonly maxDelayMs: number;
}

export const DEFAULT_RETRY_SCHEDULE: RetrySchedule = { retryForMs: 24 * 60 * 60 * 1000, baseDelayMs: 5_000, maxDelayMs: 60 * 60 * 1000 };

/**
 * The pause after failed try number `attempt` (1 for the first): exponential backoff with full
 * jitter (a uniform draw up to the doubled ceiling), so endpoints that failed together are not
 * retried together. `random` is in [0, 1).
 */
export const retryDelayMs = (attempt: number, schedule: RetrySchedule, random: () => number = Math.random): number => {
  const ceiling = Math.min(schedule.maxDelayMs, schedule.baseDelayMs * 2 ** Math.max(0, attempt - 1));
  return Math.floor(random() * ceiling);
};

/** Whether a delivery first tried at `firstAttemptAt` that just failed again is to be given up. */
export const retryPeriodOver = (firstAttemptAt: Date, now: Date, schedule: RetrySchedule): boolean => now.getTime() - firstAttemptAt.getTime() >= schedule.retryForMs;

const HOUR_MS = 60 * 60 * 1000;
/** Beyond a week an endpoint is as good as disabled already. */
const MAX_RETRY_FOR_MS = 7 * 24 * HOUR_MS;

/** `KEYWARD_WEBHOOK_RETRY_FOR_MS`, `…_RETRY_BASE_MS`, `…_RETRY_MAX_MS` over the defaults (tests shorten them). */
export const retryScheduleFromEnv = (env: NodeJS.ProcessEnv = process.env): RetrySchedule => ({
  retryForMs: millisecondsFromEnv(env, 'KEYWARD_WEBHOOK_RETRY_FOR_MS', DEFAULT_RETRY_SCHEDULE.retryForMs, MAX_RETRY_FOR_MS),
  baseDelayMs: millisecondsFromEnv(env, 'KEYWARD_WEBHOOK_RETRY_BASE_MS', DEFAULT_RETRY_SCHEDULE.baseDelayMs, HOUR_MS),
  maxDelayMs: millisecondsFromEnv(env, 'KEYWARD_WEBHOOK_RETRY_MAX_MS', DEFAULT_RETRY_SCHEDULE.maxDelayMs, 24 * HOUR_MS),
});
