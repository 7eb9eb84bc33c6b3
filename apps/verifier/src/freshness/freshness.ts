import { comparePositions, type Position } from '@keyward/event-store';

/**
 * Decides whether this verifier may answer from its index (product.md section 5): only once
 * caught up, and not when it has lost the store, or has heard of events it has not applied,
 * for longer than `staleAfterMs`.
 */
export class Freshness {
  private caughtUp = false;
  private lastLiveAt = 0;
  private applied: Position | undefined;
  private behind: { head: Position; since: number } | undefined;

  constructor(private readonly staleAfterMs: number) {}

  /** A read reached the head of the history. */
  markLive(position: Position | undefined, now: number): void {
    this.caughtUp = true;
    this.lastLiveAt = now;
    this.markApplied(position, now);
  }

  markApplied(position: Position | undefined, now: number): void {
    if (!position) return;
    const advanced = !this.applied || comparePositions(position, this.applied) > 0;
    this.applied = position;
    if (!this.behind) return;
    if (comparePositions(position, this.behind.head) >= 0) this.behind = undefined;
    else if (advanced) this.behind = { head: this.behind.head, since: now }; // progress: restart the clock
  }

  /** Someone appended up to `head`; unless applied soon, this verifier must stop answering. */
  noteHead(head: Position, now: number): void {
    if (this.applied && comparePositions(this.applied, head) >= 0) return;
    if (!this.behind) this.behind = { head, since: now };
    else if (comparePositions(head, this.behind.head) > 0) this.behind = { head, since: this.behind.since };
  }

  get isCaughtUp(): boolean {
    return this.caughtUp;
  }

  serving(now: number): boolean {
    return (
      this.caughtUp &&
      now - this.lastLiveAt <= this.staleAfterMs &&
      (this.behind === undefined || now - this.behind.since <= this.staleAfterMs)
    );
  }
}
