import type { NatsConnection, Subscription } from 'nats';
import { Subjects } from '@keyward/contracts';
import { comparePositions, type Position } from '@keyward/event-store';
import { onPositionNotice, publishPositionNotice } from './position-notices';

interface Round {
  highest: Position;
  readonly waiters: Array<{ resolve: () => void; reject: (error: unknown) => void }>;
}

/**
 * The writer's last word before it answers a write: published, then flushed, so that the server
 * has queued it for every verifier before the caller can send its next verify. A verifier gets it
 * ahead of that verify on a single server, since the server delivers to one connection in order.
 * Rejects when the bus did not confirm it (then verifiers were cut off too, and distrust
 * their index until they have read the store again).
 *
 * Writes answered together share one acknowledgement: followers apply the history in order, so a
 * verifier that applied the highest position applied every lower one. One message and one flush
 * are in flight at a time; positions that come meanwhile go out together in the next round. Under
 * load this saves a publish, a flush and a delivery to every verifier per write.
 */
export class WriteAcknowledger {
  private next: Round | undefined;
  private flushing = false;

  constructor(private readonly nats: NatsConnection) {}

  acknowledge(position: Position): Promise<void> {
    return new Promise((resolve, reject) => {
      if (this.next) {
        if (comparePositions(position, this.next.highest) > 0) this.next.highest = position;
        this.next.waiters.push({ resolve, reject });
        return;
      }
      this.next = { highest: position, waiters: [{ resolve, reject }] };
      // After the writes that finished in this same turn (a follower's progress can settle many) joined it.
      if (!this.flushing) queueMicrotask(() => void this.send());
    });
  }

  private async send(): Promise<void> {
    const round = this.next;
    if (!round) return;
    this.next = undefined;
    this.flushing = true;
    try {
      publishPositionNotice(this.nats, Subjects.writeAcknowledged, round.highest);
      await this.nats.flush();
      for (const w of round.waiters) w.resolve();
    } catch (error) {
      for (const w of round.waiters) w.reject(error);
    } finally {
      this.flushing = false;
      void this.send();
    }
  }
}

/** The verifier's side: every acknowledged position, parsed; anything else on the subject is ignored. */
export const onWriteAcknowledged = (nats: NatsConnection, handler: (position: Position) => void): Subscription =>
  onPositionNotice(nats, Subjects.writeAcknowledged, handler);
