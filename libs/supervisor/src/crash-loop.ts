export interface CrashLoopRule {
  /** This many exits within the window is a crash loop. */
  readonly crashLoopExits: number;
  readonly crashLoopWindowMs: number;
}

/** The exit times still inside the window that ends at `now`, then `now`: the list stays bounded by the window. */
export const recordExit = (exits: readonly number[], now: number, rule: CrashLoopRule): number[] => [
  ...exits.filter((at) => now - at < rule.crashLoopWindowMs),
  now,
];

/** Whether the exits recorded by `recordExit` amount to a crash loop. */
export const isCrashLoop = (recentExits: readonly number[], rule: CrashLoopRule): boolean => recentExits.length >= rule.crashLoopExits;
