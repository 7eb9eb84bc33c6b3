import { comparePositions, type Position } from '@keyward/event-store';

/**
 * An acknowledged position not applied yet. Anyone on the bus can publish one, so it is believed
 * only until two live reads have ended without reaching it: the second of them began after it was
 * heard of, and an acknowledged write would have been in it. Then the store does not hold it, and
 * forgetting it keeps a stray message from silencing every verifier.
 */
interface Unconfirmed {
  readonly position: Position;
  liveReadsLeft: number;
}

/** The first live read after a moment may have begun before it; the second began after the first ended. */
const READS_UNTIL_ONE_BEGAN_AFTER = 2;

/**
 * Decides whether this verifier may answer from its index (product.md section 5): only once
 * caught up, and not when no read has reached the head of the store for longer than
 * `staleAfterMs`. A write that a gateway has acknowledged must be applied before the next answer,
 * with no grace at all.
 */
export class Freshness {
  private caughtUp = false;
  private lastLiveAt = 0;
  private applied: Position | undefined;
  /** The highest acknowledged write not applied yet: nothing is answered until it is. */
  private owed: Unconfirmed | undefined;
  /** Live reads still needed after the bus was lost, until one began once it was back. */
  private liveSignalsOwed = 0;
  private resolveCaughtUp!: () => void;
  /** Resolves at the first catch-up: a verifier joins the queue group only then, so requests go to one that can answer. */
  readonly caughtUpOnce = new Promise<void>((resolve) => (this.resolveCaughtUp = resolve));

  constructor(private readonly staleAfterMs: number) {}

  /**
   * A read reached the head of the history. Answers an acknowledged position that the store turned
   * out not to hold, now forgotten (for a warning).
   */
  markLive(position: Position | undefined, now: number): Position | undefined {
    if (!this.caughtUp) this.resolveCaughtUp();
    this.caughtUp = true;
    this.lastLiveAt = now;
    if (this.liveSignalsOwed > 0) this.liveSignalsOwed--;
    this.markApplied(position);
    if (this.owed && --this.owed.liveReadsLeft <= 0) {
      const disbelieved = this.owed.position;
      this.owed = undefined;
      return disbelieved;
    }
    return undefined;
  }

  markApplied(position: Position | undefined): void {
    if (!position) return;
    this.applied = position;
    if (this.owed && comparePositions(position, this.owed.position) >= 0) this.owed = undefined;
  }

  /**
   * A gateway answered a write at `position` without having waited for this verifier (it joined,
   * restarted or fell behind meanwhile): the caller may verify next, so no answer until it is applied.
   */
  noteAcknowledged(position: Position): void {
    if (this.hasApplied(position)) return;
    if (!this.owed || comparePositions(position, this.owed.position) > 0) this.owed = { position, liveReadsLeft: READS_UNTIL_ONE_BEGAN_AFTER };
  }

  /**
   * The bus connection dropped: acknowledgements sent meanwhile are lost, so the index is trusted
   * again only after a read of the store that began once the connection was back.
   */
  noteBusLost(): void {
    this.liveSignalsOwed = READS_UNTIL_ONE_BEGAN_AFTER;
  }

  get isCaughtUp(): boolean {
    return this.caughtUp;
  }

  serving(now: number): boolean {
    return (
      this.caughtUp &&
      this.owed === undefined &&
      this.liveSignalsOwed === 0 &&
      now - this.lastLiveAt <= this.staleAfterMs
    );
  }

  private hasApplied(position: Position): boolean {
    return this.applied !== undefined && comparePositions(this.applied, position) >= 0;
  }
}
