import { backoffDelay, type BackoffSchedule } from './backoff';
import { isCrashLoop, recordExit, type CrashLoopRule } from './crash-loop';

export interface RestartPolicy extends BackoffSchedule, CrashLoopRule {
  /** A run at least this long was healthy: the next restart starts the backoff over. */
  readonly stableAfterMs: number;
}

/**
 * 250 ms doubling to 10 s: a service killed once is back at once, one that cannot start (its
 * database is gone) is retried without spinning. Five exits in a minute is a crash loop.
 */
export const DEFAULT_RESTART_POLICY: RestartPolicy = {
  initialDelayMs: 250,
  maxDelayMs: 10_000,
  stableAfterMs: 30_000,
  crashLoopExits: 5,
  crashLoopWindowMs: 60_000,
};

export interface RestartHistory {
  /** Quick exits in a row (runs shorter than `stableAfterMs`). */
  readonly quickExits: number;
  /** Exit times within the crash-loop window. */
  readonly recentExits: readonly number[];
}

export const NO_RESTART_HISTORY: RestartHistory = { quickExits: 0, recentExits: [] };

export interface RestartDecision {
  readonly delayMs: number;
  /** In a crash loop the service is still restarted, at the longest delay, and it is reported. */
  readonly crashLoop: boolean;
  readonly history: RestartHistory;
}

/** When to restart a unit whose run went from `startedAt` to `exitedAt`. Pure: the caller owns the clock. */
export const decideRestart = (history: RestartHistory, run: { readonly startedAt: number; readonly exitedAt: number }, policy: RestartPolicy): RestartDecision => {
  const quickExits = run.exitedAt - run.startedAt >= policy.stableAfterMs ? 0 : history.quickExits;
  const recentExits = recordExit(history.recentExits, run.exitedAt, policy);
  const crashLoop = isCrashLoop(recentExits, policy);
  return {
    delayMs: crashLoop ? policy.maxDelayMs : backoffDelay(quickExits, policy),
    crashLoop,
    history: { quickExits: quickExits + 1, recentExits },
  };
};
