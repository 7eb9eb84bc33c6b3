import type { components } from '../../api/schema.generated';
import { formatCount } from '../../ui/format';
import { WINDOW_UNITS, windowOf } from './rate-window';

type Key = components['schemas']['KeyView'];
type KeyCredits = NonNullable<Key['credits']>;
type NamedRateLimit = components['schemas']['NamedRateLimit'];

/** The refill as a person says it: "5,000 daily" (each refill sets the balance to the amount). */
export const formatRefill = (refill: NonNullable<KeyCredits['refill']>): string => `${formatCount(refill.amount)} ${refill.interval}`;

/** "1,234 left", with the refill, and a warning when the spend count could not be read (then an upper bound). */
export const formatCredits = (credits: Key['credits']): string => {
  if (!credits) return 'Unlimited';
  const left = `${formatCount(credits.remaining)} left${credits.degraded ? ' (at most: the spend count could not be read)' : ''}`;
  return credits.refill ? `${left}, refilled to ${formatRefill(credits.refill)}` : left;
};

/** A window in its largest whole unit: 60 → "minute", 7200 → "2 hours", 90 → "90 seconds". */
export const formatWindow = (seconds: number): string => {
  const { window, unit } = windowOf(seconds);
  const plural = WINDOW_UNITS.find((u) => u.value === unit)?.label ?? 'seconds';
  return window === '1' ? plural.slice(0, -1) : `${formatCount(Number(window))} ${plural}`;
};

/** "100 per minute, auto-applied" or "…, only when a verify names it". */
export const formatNamedLimit = (limit: NamedRateLimit): string =>
  `${formatCount(limit.limit)} per ${formatWindow(limit.windowSeconds)}, ${limit.autoApply ? 'auto-applied' : 'only when a verify names it'}`;

/** Metadata as indented JSON, for a `<pre>` (React escapes it: nothing in it is markup). */
export const formatMeta = (meta: Key['meta']): string => JSON.stringify(meta, null, 2);
