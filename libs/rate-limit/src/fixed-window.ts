/**
 * What a key has spent in one window. Windows are fixed and aligned to the epoch, so every replica
 * derives the same window from its own clock and `reset` is simply the window's end.
 */
export interface WindowCount {
  /** Epoch milliseconds the window starts at (a multiple of `windowMs`). */
  readonly start: number;
  readonly windowMs: number;
  /** VALID answers granted in this window, across every replica. */
  readonly used: number;
}

export const windowEnd = (count: WindowCount): number => count.start + count.windowMs;

/**
 * The count that applies at `now`: the stored one while it is this window's, or a later one (another
 * replica's clock runs ahead: its window wins, counts never go back); otherwise a fresh window. A
 * change of window length starts a fresh window, a change of limit alone keeps the count.
 */
export const currentCount = (stored: WindowCount | undefined, now: number, windowMs: number): WindowCount => {
  const start = Math.floor(now / windowMs) * windowMs;
  if (stored && stored.windowMs === windowMs && stored.start >= start) return stored;
  return { start, windowMs, used: 0 };
};
