/** Addresses remembered at most: a flood of new ones evicts the oldest rather than growing memory. */
const MAX_ADDRESSES = 10_000;

/**
 * Counts what each source address does in a fixed window; past `allowed` it must wait until its
 * window ends. Per gateway replica, in memory: keys are far beyond guessing, so this is about noise,
 * log volume and load on the bus, not the keys' strength. What counts is the caller's choice: the
 * sign-in counts failures, revoke-by-secret every request.
 */
export class AddressThrottle {
  private readonly counts = new Map<string, { count: number; windowEnds: number }>();

  constructor(
    private readonly allowed: number,
    private readonly windowMs: number,
  ) {}

  /** Seconds the address must wait before trying again, or undefined if it may try now. */
  retryAfterSeconds(address: string, now: number): number | undefined {
    const entry = this.counts.get(address);
    if (!entry || entry.windowEnds <= now || entry.count < this.allowed) return undefined;
    return Math.max(1, Math.ceil((entry.windowEnds - now) / 1_000));
  }

  record(address: string, now: number): void {
    const entry = this.counts.get(address);
    if (entry && entry.windowEnds > now) {
      entry.count++;
      return;
    }
    this.counts.delete(address);
    if (this.counts.size >= MAX_ADDRESSES) this.counts.delete(this.counts.keys().next().value ?? '');
    this.counts.set(address, { count: 1, windowEnds: now + this.windowMs });
  }
}
