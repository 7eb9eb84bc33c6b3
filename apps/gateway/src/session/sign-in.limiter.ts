/** Failed sign-ins an address may make per window before it must wait. */
export const SIGN_IN_FAILURES_ALLOWED = 10;
export const SIGN_IN_WINDOW_MS = 5 * 60_000;
/** Addresses remembered at most: a flood of new ones evicts the oldest rather than growing memory. */
const MAX_ADDRESSES = 10_000;

/**
 * Slows guessing at the sign-in: after 10 failures in 5 minutes an address gets 429 until its
 * window ends. Per gateway replica, in memory: keys are far beyond guessing, so this is about noise
 * and log volume, not the keys' strength; successes do not count.
 */
export class SignInLimiter {
  private readonly failures = new Map<string, { count: number; windowEnds: number }>();

  constructor(
    private readonly allowed = SIGN_IN_FAILURES_ALLOWED,
    private readonly windowMs = SIGN_IN_WINDOW_MS,
  ) {}

  /** Seconds the address must wait before trying again, or undefined if it may try now. */
  retryAfterSeconds(address: string, now: number): number | undefined {
    const entry = this.failures.get(address);
    if (!entry || entry.windowEnds <= now || entry.count < this.allowed) return undefined;
    return Math.max(1, Math.ceil((entry.windowEnds - now) / 1_000));
  }

  failed(address: string, now: number): void {
    const entry = this.failures.get(address);
    if (entry && entry.windowEnds > now) {
      entry.count++;
      return;
    }
    this.failures.delete(address);
    if (this.failures.size >= MAX_ADDRESSES) this.failures.delete(this.failures.keys().next().value ?? '');
    this.failures.set(address, { count: 1, windowEnds: now + this.windowMs });
  }
}
