import type { UsageGranularity } from '@keyward/contracts';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

export const BUCKET_MS: Readonly<Record<UsageGranularity, number>> = { hour: HOUR_MS, day: DAY_MS };

/** The default span of a report, and the longest one a request may ask for (bounded buckets per answer). */
const SPAN_MS: Readonly<Record<UsageGranularity, { readonly default: number; readonly max: number }>> = {
  hour: { default: DAY_MS, max: 31 * DAY_MS },
  day: { default: 30 * DAY_MS, max: 366 * DAY_MS },
};

/** A report's buckets: from the bucket that holds `from` up to, not including, `to`. */
export interface UsageRange {
  readonly from: Date;
  readonly to: Date;
  readonly granularity: UsageGranularity;
}

export interface UsageRangeRequest {
  readonly from?: string;
  readonly to?: string;
  readonly granularity?: UsageGranularity;
}

/** The start of the (UTC) bucket that holds `ms`. */
export const bucketStart = (ms: number, granularity: UsageGranularity): number => ms - (((ms % BUCKET_MS[granularity]) + BUCKET_MS[granularity]) % BUCKET_MS[granularity]);

/**
 * Fills in what a report request leaves out (`to` now, `from` a day or 30 days before, hours),
 * and says which field is wrong: `from` not before `to`, or a span longer than 31 days of hours
 * or 366 days of days. Times are ISO strings the caller checked.
 */
export const usageRangeOf = (request: UsageRangeRequest, now: Date): UsageRange | { readonly field: 'from' | 'to'; readonly message: string } => {
  const granularity = request.granularity ?? 'hour';
  const span = SPAN_MS[granularity];
  const to = request.to === undefined ? now : new Date(request.to);
  const from = request.from === undefined ? new Date(to.getTime() - span.default) : new Date(request.from);
  if (Number.isNaN(to.getTime())) return { field: 'to', message: 'to must be an ISO 8601 time' };
  if (Number.isNaN(from.getTime())) return { field: 'from', message: 'from must be an ISO 8601 time' };
  if (from.getTime() >= to.getTime()) return { field: 'from', message: 'from must be before to' };
  if (to.getTime() - from.getTime() > span.max) return { field: 'to', message: `to must be at most ${span.max / DAY_MS} days after from for granularity ${granularity}` };
  return { from, to, granularity };
};
