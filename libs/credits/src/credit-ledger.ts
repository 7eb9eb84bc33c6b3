import { ContendedError, SweptMap, withinBudget, type SharedCountStore } from '@keyward/consistency';
import { creditPosition, type CreditCount, type CreditsSetting } from './credit-basis';

/** A verify's credits: spent (`remaining` after it), refused with what is left, or no exact answer to give. */
export type CreditSpend =
  | { readonly outcome: 'granted'; readonly remaining: number }
  | { readonly outcome: 'exceeded'; readonly remaining: number }
  | { readonly outcome: 'unavailable' };

export type CreditCountStore = SharedCountStore<CreditCount>;

export interface CreditLedgerOptions {
  /** How long one batch may spend on the shared count (compare-and-set retries included) before it answers unavailable. */
  readonly budgetMs: number;
  /**
   * How long past the budget a write already sent may still take to answer: the store's own request
   * timeout, by which JetStream has given the request up. A late write can still land and spend the
   * batch's credits, so the batch waits for it rather than answer unavailable for credits already gone.
   */
  readonly writeSettleMs: number;
  /** After the shared count did not answer, answer unavailable at once for this long instead of waiting again on every call. */
  readonly unreachableBackoffMs: number;
  /** Wall clock for budgets and back-off; bases use the `now` each call passes. */
  readonly clock?: () => number;
}

interface Waiter {
  readonly setting: CreditsSetting;
  readonly cost: number;
  readonly now: number;
  readonly resolve: (spend: CreditSpend) => void;
}

/** What this replica knows of one owner's shared count, and the calls waiting for it. */
interface OwnerCount {
  known: CreditCount | undefined;
  /** The stored entry could not be read when last read: nothing is known to be left until a read says otherwise. */
  unreadable: boolean;
  revision: number;
  readonly waiting: Waiter[];
  busy: boolean;
}

const UNAVAILABLE: CreditSpend = { outcome: 'unavailable' };

/**
 * Each call in arrival order against `balance`: granted if its cost fits (a refused cost-5 call
 * does not block a later cost-1 call that fits); cost 0 only checks, and passes while credits remain.
 */
const plan = (batch: readonly Waiter[], balance: number): { readonly answers: CreditSpend[]; readonly spent: number } => {
  let left = balance;
  const answers = batch.map((w): CreditSpend => {
    if (w.cost === 0) return { outcome: left > 0 ? 'granted' : 'exceeded', remaining: left };
    if (w.cost > left) return { outcome: 'exceeded', remaining: left };
    left -= w.cost;
    return { outcome: 'granted', remaining: left };
  });
  return { answers, spent: balance - left };
};

/**
 * Exact credits across replicas (product.md 9.2a, README "Credits"). Each replica sends at most one
 * write per owner at a time, for the calls that queued meanwhile, by compare-and-set on the shared
 * count: what a batch spends is granted only if no other replica wrote since this one read, so the
 * sum spent never exceeds the grant. No leases: a call is refused only when the count it was
 * written (or read) against has too little left. A count known to be spent is answered here.
 */
export class CreditLedger {
  /** Owners nobody waits on may be forgotten: their next call writes or reads the shared count again. */
  private readonly owners = new SweptMap<OwnerCount>((owner) => !owner.busy);
  private readonly clock: () => number;
  private unreachableUntil = 0;

  constructor(
    private readonly store: CreditCountStore,
    private readonly options: CreditLedgerOptions,
  ) {
    this.clock = options.clock ?? Date.now;
  }

  /** `cost` is an integer ≥ 0 (checked by the caller); synchronous when no round trip is needed. */
  spend(ownerId: string, setting: CreditsSetting, cost: number, now: number): CreditSpend | Promise<CreditSpend> {
    const owner = this.owners.get(ownerId);
    if (owner?.known) {
      // Spent counts only grow within a basis: a balance known to be 0 cannot be wrong.
      const position = creditPosition(owner.known, setting, now);
      if (position.kind === 'current' && position.balance === 0) return { outcome: 'exceeded', remaining: 0 };
    }
    if (this.clock() < this.unreachableUntil) return UNAVAILABLE;
    return new Promise((resolve) => {
      const tracked = owner ?? this.track(ownerId);
      tracked.waiting.push({ setting, cost, now, resolve });
      if (!tracked.busy) void this.drain(ownerId, tracked);
    });
  }

  private track(ownerId: string): OwnerCount {
    return this.owners.add(ownerId, { known: undefined, unreadable: false, revision: 0, waiting: [], busy: false }, this.clock());
  }

  private async drain(ownerId: string, owner: OwnerCount): Promise<void> {
    owner.busy = true;
    try {
      while (owner.waiting.length > 0) await this.serve(ownerId, owner, owner.waiting.splice(0));
    } catch {
      // `serve` answers every call it took; this is for a bug of ours: still no call left waiting.
      for (const w of owner.waiting.splice(0)) w.resolve(UNAVAILABLE);
    } finally {
      owner.busy = false;
    }
  }

  /**
   * One batch: planned against the count this replica knows, then written by compare-and-set; a
   * lost race re-reads and plans again within the budget. A batch that spends nothing (checks, or
   * refusals) is answered from a count read in this batch, never from one another replica may have
   * spent since. An entry that cannot be read (deleted by hand, another version's format) is not a
   * fresh count: its batch answers unavailable, and each later batch reads it again before planning.
   */
  private async serve(ownerId: string, owner: OwnerCount, batch: readonly Waiter[]): Promise<void> {
    // The latest generation any call carries is the index's latest: a change applies to every call still waiting.
    // Loops, not spreads: a batch can be larger than a call's argument limit.
    const setting = batch.reduce((latest, w) => (w.setting.generation > latest.generation ? w.setting : latest), batch[0].setting);
    const now = batch.reduce((latest, w) => Math.max(latest, w.now), 0);
    const deadline = this.clock() + this.options.budgetMs;
    let read = false;
    try {
      for (;;) {
        // No position while the entry is unreadable: read again first (it may have been mended), then answer unavailable.
        const position = owner.unreadable ? undefined : creditPosition(owner.known, setting, now);
        if (position?.kind === 'behind' || (owner.unreadable && read)) {
          for (const w of batch) w.resolve(UNAVAILABLE);
          return;
        }
        if (position) {
          const { answers, spent } = plan(batch, position.balance);
          if (spent === 0 && read) {
            batch.forEach((w, i) => w.resolve(answers[i]));
            return;
          }
          if (spent > 0) {
            const next: CreditCount = { basis: position.count.basis, spent: position.count.spent + spent };
            const revision = await this.written(deadline, this.store.write(ownerId, next, owner.revision));
            if (revision !== undefined) {
              owner.known = next;
              owner.revision = revision;
              batch.forEach((w, i) => w.resolve(answers[i]));
              return;
            }
            // Checked here too: a store that answers at once would otherwise never let the budget's timer fire.
            if (this.clock() >= deadline) throw new ContendedError();
          }
        }
        const stored = await withinBudget(deadline, this.clock, this.store.read(ownerId));
        owner.known = stored.state === 'counted' ? stored.count : undefined;
        owner.unreadable = stored.state === 'unreadable';
        owner.revision = stored.revision;
        read = true;
      }
    } catch (error) {
      // Credits fail closed: no answer without the shared count. Only a store that did not answer
      // makes every owner wait out the back-off; one contended owner is its own.
      if (!(error instanceof ContendedError)) this.unreachableUntil = this.clock() + this.options.unreachableBackoffMs;
      for (const w of batch) w.resolve(UNAVAILABLE);
    }
  }

  /**
   * The write's new revision, or `undefined` when another replica wrote first. Past the budget the
   * write is not given up: it may still land, and then its batch is granted, not left unanswered
   * with its credits spent. Only a write that has not answered by the store's own timeout (or
   * failed) counts as unreachable; one that lands even later is spent without a grant, never
   * granted twice (the next write names a revision it has moved past, and re-reads).
   */
  private async written(deadline: number, write: Promise<number | undefined>): Promise<number | undefined> {
    try {
      return await withinBudget(deadline, this.clock, write);
    } catch {
      // A write that failed fails again at once here; a late one gets the rest of its own timeout.
      return withinBudget(deadline + this.options.writeSettleMs, this.clock, write);
    }
  }
}
