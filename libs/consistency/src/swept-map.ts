/** Below this many entries there is nothing worth sweeping. */
const SWEEP_FLOOR = 10_000;

/**
 * Per-owner state of a shared count (the rate limiter's keys, the credit ledger's owners): an entry
 * is added on first use, and once the map reaches `sweepAt` every entry `idle` lets go is forgotten
 * (its next use reads the shared count again), so memory follows the owners in use. Amortised: the
 * next sweep waits until the map has doubled.
 */
export class SweptMap<V> {
  private readonly entries = new Map<string, V>();
  private sweepAt = SWEEP_FLOOR;

  /** `idle(value, now)`: whether an entry may be forgotten at `now` (nobody waits on it, nothing in it is still needed). */
  constructor(private readonly idle: (value: V, now: number) => boolean) {}

  get size(): number {
    return this.entries.size;
  }

  get(key: string): V | undefined {
    return this.entries.get(key);
  }

  /** Adds `value` under `key`, sweeping first when the map has grown enough; answers `value`. */
  add(key: string, value: V, now: number): V {
    if (this.entries.size >= this.sweepAt) {
      for (const [k, v] of this.entries) if (this.idle(v, now)) this.entries.delete(k);
      this.sweepAt = Math.max(SWEEP_FLOOR, this.entries.size * 2);
    }
    this.entries.set(key, value);
    return value;
  }
}
