export interface BackoffSchedule {
  /** The delay before the first restart after a stable run. */
  readonly initialDelayMs: number;
  /** The delay never grows past this. */
  readonly maxDelayMs: number;
}

/**
 * The delay before restart number `attempt` of a run of quick exits (0 for the first): doubling
 * from the initial delay, capped. `2 ** attempt` reaches Infinity for large attempts, which the
 * cap absorbs.
 */
export const backoffDelay = (attempt: number, schedule: BackoffSchedule): number =>
  Math.min(schedule.maxDelayMs, schedule.initialDelayMs * 2 ** Math.max(0, attempt));
