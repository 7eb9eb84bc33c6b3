import { comparePositions, type Position } from '@keyward/event-store';

/**
 * Decides whether this verifier may answer from its index (product.md section 5): only once
 * caught up, and not when it has lost the store, or has heard of events it has not applied,
 * for longer than `staleAfterMs`. A write that a gateway has already acknowledged is stricter:
 * it must be applied before the next answer, with no grace at all.
 */
export class Freshness {
  private caughtUp = false;
  private lastLiveAt = 0;
  private applied: Position | undefined;
  private behind: { head: Position; since: number } | undefined;
  /** The highest acknowledged write not applied yet: nothing is answered until it is. */
  private owed: Position | undefined;
  /**
   * Live signals still needed after the bus was lost. The next one may come from a read that began
   * before the loss, so it takes two: the second read began after the first one ended.
   */
  private liveSignalsOwed = 0;
  private resolveCaughtUp!: () => void;
  /** Resolves at the first catch-up: a verifier joins the queue group only then, so requests go to one that can answer. */
  readonly caughtUpOnce = new Promise<void>((resolve) => (this.resolveCaughtUp = resolve));

  constructor(private readonly staleAfterMs: number) {}

  /** A read reached the head of the history. */
  markLive(position: Position | undefined, now: number): void {
    if (!this.caughtUp) this.resolveCaughtUp();
    this.caughtUp = true;
    this.lastLiveAt = now;
    if (this.liveSignalsOwed > 0) this.liveSignalsOwed--;
    this.markApplied(position, now);
  }

  markApplied(position: Position | undefined, now: number): void {
    if (!position) return;
    const advanced = !this.applied || comparePositions(position, this.applied) > 0;
    this.applied = position;
    if (this.owed && comparePositions(position, this.owed) >= 0) this.owed = undefined;
    if (!this.behind) return;
    if (comparePositions(position, this.behind.head) >= 0) this.behind = undefined;
    else if (advanced) this.behind = { head: this.behind.head, since: now }; // progress: restart the clock
  }

  /** Someone appended up to `head`; unless applied soon, this verifier must stop answering. */
  noteHead(head: Position, now: number): void {
    if (this.hasApplied(head)) return;
    if (!this.behind) this.behind = { head, since: now };
    else if (comparePositions(head, this.behind.head) > 0) this.behind = { head, since: this.behind.since };
  }

  /**
   * A gateway answered a write at `position` without having waited for this verifier (it joined,
   * restarted or fell behind meanwhile): the caller may verify next, so no answer until it is applied.
   */
  noteAcknowledged(position: Position): void {
    if (this.hasApplied(position)) return;
    if (!this.owed || comparePositions(position, this.owed) > 0) this.owed = position;
  }

  /**
   * The bus connection dropped: acknowledgements sent meanwhile are lost, so the index is trusted
   * again only after a read of the store that began once the connection was back.
   */
  noteBusLost(): void {
    this.liveSignalsOwed = 2;
  }

  get isCaughtUp(): boolean {
    return this.caughtUp;
  }

  serving(now: number): boolean {
    return (
      this.caughtUp &&
      this.owed === undefined &&
      this.liveSignalsOwed === 0 &&
      now - this.lastLiveAt <= this.staleAfterMs &&
      (this.behind === undefined || now - this.behind.since <= this.staleAfterMs)
    );
  }

  private hasApplied(position: Position): boolean {
    return this.applied !== undefined && comparePositions(this.applied, position) >= 0;
  }
}
