import type { CounterStore } from './counter.store';
import { currentCount, windowEnd, type WindowCount } from './fixed-window';
import type { KeyRateLimit, RateLimitDecision, WhenUnreachable } from './rate-limit-decision';

export interface GlobalRateLimiterOptions {
  /** How long one batch may spend on the shared count (compare-and-set retries included) before it counts as unreachable. */
  readonly budgetMs: number;
  /** After the shared count was unreachable, answer degraded at once for this long instead of waiting again on every call. */
  readonly unreachableBackoffMs: number;
  /** Monotonic enough wall clock for budgets and back-off; windows use the `now` each call passes. */
  readonly clock?: () => number;
}

interface Waiter {
  readonly rule: KeyRateLimit;
  readonly whenUnreachable: WhenUnreachable;
  readonly now: number;
  readonly resolve: (decision: RateLimitDecision) => void;
}

/** What this replica knows of one key's shared count, and the calls waiting for it. */
interface KeyCount {
  known: WindowCount | undefined;
  revision: number;
  readonly waiting: Waiter[];
  busy: boolean;
}

/** Below this many tracked keys there is nothing worth sweeping. */
const SWEEP_FLOOR = 10_000;

const decide = (granted: boolean, limit: number, remaining: number, resetMs: number, degraded = false): RateLimitDecision => ({
  granted,
  limit,
  remaining: Math.max(0, remaining),
  resetMs,
  degraded,
});

/**
 * The global limit (product.md 9.2) over a shared count with compare-and-set. Each replica sends at
 * most one write per key at a time, for exactly the calls that queued meanwhile: it takes only what
 * is asked for, so no token sits unused in one replica while another denies, and each granted call
 * gets its own position in the window (`remaining` is exact when the write lands). A window known to
 * be spent is answered here without a round trip: counts only grow within a window, so the denial
 * cannot be wrong. README "Rate limits" has the reasoning.
 */
export class GlobalRateLimiter {
  private readonly keys = new Map<string, KeyCount>();
  private readonly clock: () => number;
  private unreachableUntil = 0;
  private sweepAt = SWEEP_FLOOR;

  constructor(
    private readonly store: CounterStore,
    private readonly options: GlobalRateLimiterOptions,
  ) {
    this.clock = options.clock ?? Date.now;
  }

  /** Synchronous when the answer needs no round trip (window spent, or the shared count known unreachable). */
  take(keyId: string, rule: KeyRateLimit, whenUnreachable: WhenUnreachable, now: number): RateLimitDecision | Promise<RateLimitDecision> {
    const state = this.keys.get(keyId);
    if (state?.known) {
      const count = currentCount(state.known, now, rule.windowMs);
      if (count.used >= rule.limit) return decide(false, rule.limit, 0, windowEnd(count));
    }
    if (this.clock() < this.unreachableUntil) return this.degraded(rule, whenUnreachable, now);
    return new Promise((resolve) => {
      const key = state ?? this.track(keyId, now);
      key.waiting.push({ rule, whenUnreachable, now, resolve });
      if (!key.busy) void this.drain(keyId, key);
    });
  }

  private track(keyId: string, now: number): KeyCount {
    if (this.keys.size >= this.sweepAt) this.forgetEnded(now);
    const key: KeyCount = { known: undefined, revision: 0, waiting: [], busy: false };
    this.keys.set(keyId, key);
    return key;
  }

  /**
   * Forgets keys whose window is over and that nobody waits on (their next call reads the shared
   * count again), so memory follows the keys in use, not every key ever limited. Amortised: the
   * next sweep waits until the map has doubled.
   */
  private forgetEnded(now: number): void {
    for (const [keyId, key] of this.keys) {
      if (!key.busy && (!key.known || windowEnd(key.known) <= now)) this.keys.delete(keyId);
    }
    this.sweepAt = Math.max(SWEEP_FLOOR, this.keys.size * 2);
  }

  private async drain(keyId: string, key: KeyCount): Promise<void> {
    key.busy = true;
    try {
      while (key.waiting.length > 0) await this.serve(keyId, key, key.waiting.splice(0));
    } finally {
      key.busy = false;
    }
  }

  /** One compare-and-set for the whole batch; a lost race re-reads and tries again within the budget. */
  private async serve(keyId: string, key: KeyCount, batch: readonly Waiter[]): Promise<void> {
    // The newest call carries the key's current limit (a change applies to every call still waiting).
    const newest = batch[batch.length - 1];
    const now = Math.max(...batch.map((w) => w.now));
    const { limit, windowMs } = newest.rule;
    const deadline = this.clock() + this.options.budgetMs;
    try {
      for (;;) {
        const base = currentCount(key.known, now, windowMs);
        const granted = Math.min(batch.length, Math.max(0, limit - base.used));
        if (granted === 0) {
          // Only reached with a count read from the shared state in this window: truly spent.
          for (const w of batch) w.resolve(decide(false, limit, 0, windowEnd(base)));
          return;
        }
        const next = { ...base, used: base.used + granted };
        const revision = await this.within(deadline, this.store.write(keyId, next, key.revision));
        if (revision !== undefined) {
          key.known = next;
          key.revision = revision;
          batch.forEach((w, i) => w.resolve(decide(i < granted, limit, limit - base.used - i - 1, windowEnd(next))));
          return;
        }
        // Checked here too: a store that answers at once would otherwise never let the budget's timer fire.
        if (this.clock() >= deadline) throw new Error('the compare-and-set kept losing within the budget');
        const stored = await this.within(deadline, this.store.read(keyId));
        key.known = stored.count;
        key.revision = stored.revision;
      }
    } catch {
      // Whatever failed, no call is left waiting and the verifier never crashes: unreachable.
      this.unreachableUntil = this.clock() + this.options.unreachableBackoffMs;
      for (const w of batch) w.resolve(this.degraded(w.rule, w.whenUnreachable, w.now));
    }
  }

  /** The call's answer, or a rejection once the batch's budget is spent (the call is not cancelled). */
  private async within<T>(deadline: number, call: Promise<T>): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error('the shared count did not answer within the budget')), Math.max(0, deadline - this.clock()));
    });
    try {
      return await Promise.race([call, late]);
    } finally {
      clearTimeout(timer);
    }
  }

  /** Without the shared count nothing is known to be left: `remaining` 0, the decision the workspace chose. */
  private degraded(rule: KeyRateLimit, whenUnreachable: WhenUnreachable, now: number): RateLimitDecision {
    const count = currentCount(undefined, now, rule.windowMs);
    return decide(whenUnreachable === 'allow', rule.limit, 0, windowEnd(count), true);
  }
}
