import { JSONCodec, type NatsConnection, type Subscription } from 'nats';
import { Subjects, type FollowerKind, type FollowerProgress } from '@keyward/contracts';
import { positionToToken, type Position } from '@keyward/event-store';

const codec = JSONCodec<FollowerProgress>();

export interface FollowerIdentity {
  readonly followerId: string;
  readonly kind: FollowerKind;
  readonly heartbeatMs?: number;
}

/**
 * A follower's voice on the bus: it says how far it has applied the history after every batch,
 * on every heartbeat, and when a waiter calls the roll.
 */
export class FollowerAnnouncer {
  private position: Position | undefined;
  private caughtUp = false;
  private timer: NodeJS.Timeout | undefined;
  private rollCall: Subscription | undefined;
  private readonly heartbeatMs: number;

  constructor(
    private readonly nats: NatsConnection,
    private readonly identity: FollowerIdentity,
  ) {
    this.heartbeatMs = identity.heartbeatMs ?? 1_000;
  }

  start(): void {
    this.rollCall = this.nats.subscribe(Subjects.followerRollCall, { callback: () => this.publish() });
    this.timer = setInterval(() => this.publish(), this.heartbeatMs);
    this.timer.unref();
  }

  report(position: Position | undefined, caughtUp: boolean): void {
    this.position = position;
    this.caughtUp = caughtUp;
    this.publish();
  }

  /** Says goodbye (not caught up any more), so writers stop waiting for this follower at once. */
  stop(): void {
    clearInterval(this.timer);
    this.rollCall?.unsubscribe();
    this.caughtUp = false;
    this.publish();
  }

  private publish(): void {
    if (this.nats.isClosed()) return;
    const message: FollowerProgress = {
      followerId: this.identity.followerId,
      kind: this.identity.kind,
      caughtUp: this.caughtUp,
      heartbeatMs: this.heartbeatMs,
      ...(this.position ? { position: positionToToken(this.position) } : {}),
    };
    this.nats.publish(Subjects.followerProgress, codec.encode(message));
  }
}
