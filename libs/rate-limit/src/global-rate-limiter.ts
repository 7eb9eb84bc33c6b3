import { ContendedError, SweptMap, withinBudget } from '@keyward/consistency';
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
  /** Tokens this call spends; 0 only checks. */
  readonly cost: number;
  readonly resolve: (decision: RateLimitDecision) => void;
}

/** What this replica knows of one key's shared count, the calls waiting for it, and its lease. */
interface KeyCount {
  known: WindowCount | undefined;
  revision: number;
  readonly waiting: Waiter[];
  busy: boolean;
  /** Tokens taken in the shared count for `leaseRule` in the window `known` names, not granted yet. */
  lease: number;
  leaseRule: KeyRateLimit | undefined;
  /** The size of the last lease taken: a new one is fetched once half of it is gone. */
  leaseSize: number;
  /** Set when the lease runs low and no call is waiting: fetch a new one all the same. */
  refill: Waiter | undefined;
}

/**
 * A lease is at most 1/LEASE_DIVISOR of what is left in the window, and at most MAX_LEASE: with N
 * replicas, at most N% of the limit can sit unused in leases, and once fewer than LEASE_DIVISOR
 * tokens are left there is no lease at all and each call takes exactly its own place.
 */
const LEASE_DIVISOR = 100;
const MAX_LEASE = 1_000;

const leaseFor = (spare: number): number => Math.min(MAX_LEASE, Math.floor(spare / LEASE_DIVISOR));
/** Which calls fit into `left` tokens in arrival order, and what they spend together. */
const fitting = (calls: readonly Waiter[], left: number): { readonly grants: boolean[]; readonly granted: number; readonly spent: number } => {
  let spent = 0;
  let granted = 0;
  const grants = calls.map((w) => {
    if (spent + w.cost > left) return false;
    spent += w.cost;
    granted++;
    return true;
  });
  return { grants, granted, spent };
};

const sameRule = (a: KeyRateLimit | undefined, b: KeyRateLimit): boolean => a !== undefined && a.limit === b.limit && a.windowMs === b.windowMs;

const decide = (granted: boolean, limit: number, remaining: number, resetMs: number, degraded = false): RateLimitDecision => ({
  granted,
  limit,
  remaining: Math.max(0, remaining),
  resetMs,
  degraded,
});

/**
 * The global limit (product.md 9.2) over a shared count with compare-and-set. Each replica sends at
 * most one write per key at a time, for the calls that queued meanwhile, plus a lease of at most 1%
 * of what is left (none near the end of the window) that later calls are granted from without a
 * round trip. A window known to be spent is answered here too: counts only grow within a window, so
 * the denial cannot be wrong. README "Rate limits" has the reasoning and what `remaining` means.
 */
export class GlobalRateLimiter {
  /**
   * Keys whose window is over and that nobody waits on may be forgotten (their next call reads the
   * shared count again): memory follows the keys in use, not every key ever limited.
   */
  private readonly keys = new SweptMap<KeyCount>((key, now) => !key.busy && (!key.known || windowEnd(key.known) <= now));
  private readonly clock: () => number;
  private unreachableUntil = 0;

  constructor(
    private readonly store: CounterStore,
    private readonly options: GlobalRateLimiterOptions,
  ) {
    this.clock = options.clock ?? Date.now;
  }

  /**
   * Spends `cost` tokens (default 1; 0 only checks, granted while the window is not over its limit).
   * Synchronous when the answer needs no round trip (from the lease, too little left in a window
   * seen, or the shared count known unreachable).
   */
  take(keyId: string, rule: KeyRateLimit, whenUnreachable: WhenUnreachable, now: number, cost = 1): RateLimitDecision | Promise<RateLimitDecision> {
    const state = this.keys.get(keyId);
    if (state?.known) {
      const lease = this.validLease(state, rule, now);
      if (lease > 0 && lease >= cost) return this.fromLease(keyId, state, rule, whenUnreachable, now, cost);
      const count = currentCount(state.known, now, rule.windowMs);
      // The lease is counted in `used` but still this replica's to grant. Counts only grow within a
      // window: what is too little now stays too little.
      const left = lease + rule.limit - count.used;
      if (cost > left) return decide(false, rule.limit, left, windowEnd(count));
    }
    if (this.clock() < this.unreachableUntil) return this.degraded(rule, whenUnreachable, now);
    return new Promise((resolve) => {
      const key = state ?? this.track(keyId, now);
      key.waiting.push({ rule, whenUnreachable, now, cost, resolve });
      if (!key.busy) void this.drain(keyId, key);
    });
  }

  /** `cost` tokens of this replica's lease; `remaining` is what the lease still holds, which no other replica can take. */
  private fromLease(keyId: string, key: KeyCount, rule: KeyRateLimit, whenUnreachable: WhenUnreachable, now: number, cost: number): RateLimitDecision {
    key.lease -= cost;
    if (key.lease <= key.leaseSize / 2 && !key.busy) {
      key.refill = { rule, whenUnreachable, now, cost: 0, resolve: () => undefined };
      void this.drain(keyId, key);
    }
    return decide(true, rule.limit, key.lease, windowEnd(key.known as WindowCount));
  }

  private track(keyId: string, now: number): KeyCount {
    return this.keys.add(keyId, { known: undefined, revision: 0, waiting: [], busy: false, lease: 0, leaseRule: undefined, leaseSize: 0, refill: undefined }, now);
  }

  private async drain(keyId: string, key: KeyCount): Promise<void> {
    key.busy = true;
    try {
      while (key.waiting.length > 0 || key.refill) {
        const batch = key.waiting.splice(0);
        // The newest call carries the key's current limit (a change applies to every call still waiting).
        const newest = batch[batch.length - 1] ?? (key.refill as Waiter);
        key.refill = undefined;
        await this.serve(keyId, key, batch, newest);
      }
    } catch {
      // `serve` answers every call it took; this is for a bug of ours: still no call left waiting.
      for (const w of key.waiting.splice(0)) w.resolve(this.degraded(w.rule, w.whenUnreachable, w.now));
      key.refill = undefined;
    } finally {
      key.busy = false;
    }
  }

  /** The lease if it was taken for this window and limit; otherwise it is dropped (its tokens stay counted as spent). */
  private validLease(key: KeyCount, rule: KeyRateLimit, now: number): number {
    if (key.known && currentCount(key.known, now, rule.windowMs) === key.known && sameRule(key.leaseRule, rule)) return key.lease;
    key.lease = 0;
    return 0;
  }

  /**
   * Calls the lease covers (in arrival order) are granted at once; the rest, and the next lease,
   * take one compare-and-set; a lost race re-reads and tries again within the budget. `remaining`
   * for a granted call: with a lease, what this replica holds after it (the lease and the batch's
   * later grants), which no other replica can take; without, the window's count as written, exact
   * at that moment, plus the batch's later grants.
   */
  private async serve(keyId: string, key: KeyCount, batch: readonly Waiter[], newest: Waiter): Promise<void> {
    // A loop, not a spread: a batch can be larger than a call's argument limit.
    const now = batch.reduce((latest, w) => Math.max(latest, w.now), newest.now);
    const rule = newest.rule;
    const { limit, windowMs } = rule;
    let covered = 0;
    if (this.validLease(key, rule, now) > 0) {
      for (; covered < batch.length && batch[covered].cost <= key.lease; covered++) {
        key.lease -= batch[covered].cost;
        batch[covered].resolve(decide(true, limit, key.lease, windowEnd(key.known as WindowCount)));
      }
    }
    const pending = batch.slice(covered);
    if (pending.length === 0 && (batch.length > 0 || key.lease > key.leaseSize / 2)) return;
    const deadline = this.clock() + this.options.budgetMs;
    try {
      for (;;) {
        const base = currentCount(key.known, now, windowMs);
        // What the lease still holds is counted in `base.used` but not granted: the batch spends it first.
        const held = this.validLease(key, rule, now);
        // Negative once a lowered limit is below what was spent (a lease under the old limit is void): then even a check (cost 0) is refused.
        const left = held + limit - base.used;
        // Each call in arrival order takes its cost while it fits; one that does not is refused, later cheaper ones may still fit.
        const fits = fitting(pending, left);
        const { spent } = fits;
        if (pending.length > 0 && fits.granted === 0) {
          // Too little left in a count that only grows within its window: truly refused.
          for (const w of pending) w.resolve(decide(false, limit, left, windowEnd(base)));
          return;
        }
        // The lease's part is taken out of it now, so no call granted from it while the write is in flight can take it too.
        const fromLease = Math.min(held, spent);
        const added = spent - fromLease;
        const lease = fits.granted < pending.length ? 0 : leaseFor(Math.max(0, limit - base.used - added));
        if (pending.length === 0 && lease === 0) return;
        // A batch of checks only (cost 0) still writes the count unchanged: the compare-and-set proves it current.
        const next = { ...base, used: base.used + added + lease };
        key.lease -= fromLease;
        let revision: number | undefined;
        try {
          revision = await this.within(deadline, this.store.write(keyId, next, key.revision));
        } finally {
          // Not written (lost, failed or late): those tokens are still counted in the store, so still the lease's.
          if (revision === undefined) key.lease += fromLease;
        }
        if (revision !== undefined) {
          // What is left of the old lease (calls took from it while this write was in flight) is still this window's.
          const kept = base === key.known ? this.validLease(key, rule, now) : 0;
          key.known = next;
          key.revision = revision;
          key.lease = kept + lease;
          key.leaseRule = rule;
          if (lease > 0) key.leaseSize = lease;
          const ours = key.lease > 0 ? key.lease : limit - next.used;
          // Later grants of the batch are still this replica's to hand out after each earlier one.
          let later = spent;
          pending.forEach((w, i) => {
            if (fits.grants[i]) later -= w.cost;
            w.resolve(decide(fits.grants[i], limit, fits.grants[i] ? ours + later : key.lease + limit - next.used, windowEnd(next)));
          });
          return;
        }
        // Checked here too: a store that answers at once would otherwise never let the budget's timer fire.
        if (this.clock() >= deadline) throw new ContendedError();
        const stored = await this.within(deadline, this.store.read(keyId));
        // An entry it cannot read counts as a fresh window, which the next write replaces (by
        // revision): a key is never left degraded, at the price of one window that may grant up to
        // its limit again. Only a hand-made deletion or another version's format leaves one.
        const count = stored.state === 'counted' ? stored.count : undefined;
        // Another replica wrote. In the same window the lease is still counted there; in another it is void.
        const sameWindow = count !== undefined && key.known !== undefined && count.start === key.known.start && count.windowMs === key.known.windowMs;
        if (!sameWindow) key.lease = 0;
        key.known = count;
        key.revision = stored.revision;
      }
    } catch (error) {
      // Whatever failed, no call is left waiting and the verifier never crashes. The shared count is
      // taken for unreachable by every key only when it did not answer: one contended key is its own.
      if (!(error instanceof ContendedError)) this.unreachableUntil = this.clock() + this.options.unreachableBackoffMs;
      for (const w of pending) w.resolve(this.degraded(w.rule, w.whenUnreachable, w.now));
    }
  }

  /** The call's answer, or a rejection once the batch's budget is spent (the call is not cancelled). */
  private within<T>(deadline: number, call: Promise<T>): Promise<T> {
    return withinBudget(deadline, this.clock, call);
  }

  /** Without the shared count nothing is known to be left: `remaining` 0, the decision the workspace chose. */
  private degraded(rule: KeyRateLimit, whenUnreachable: WhenUnreachable, now: number): RateLimitDecision {
    const count = currentCount(undefined, now, rule.windowMs);
    return decide(whenUnreachable === 'allow', rule.limit, 0, windowEnd(count), true);
  }
}
