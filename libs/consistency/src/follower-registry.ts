import { JSONCodec, type NatsConnection, type Subscription } from 'nats';
import { Subjects, type FollowerKind, type FollowerProgress } from '@keyward/contracts';
import { comparePositions, positionFromToken, type Position } from '@keyward/event-store';

const codec = JSONCodec<FollowerProgress>();

/** A follower silent for this many heartbeats is taken for dead and no longer waited for. */
const MISSED_HEARTBEATS = 3;
const RECHECK_MS = 50;

interface FollowerState {
  readonly kind: FollowerKind;
  readonly position: Position | undefined;
  readonly caughtUp: boolean;
  readonly expiresAt: number;
}

interface Waiter {
  readonly target: Position;
  readonly requiredKinds: readonly FollowerKind[];
  readonly resolve: (outcome: WaitOutcome) => void;
  readonly deadline: number;
}

export interface WaitOutcome {
  readonly reached: boolean;
  /** Followers (or missing kinds) that had not applied the target when the wait ended. */
  readonly lagging: readonly string[];
}

export interface WaitOptions {
  readonly timeoutMs: number;
  /** Kinds of which at least one live follower must have applied the target (e.g. the projector). */
  readonly requiredKinds?: readonly FollowerKind[];
}

/**
 * The writer's side of read-your-writes (product.md section 5): it tracks every live follower
 * from their progress messages and lets a write wait until all of them have applied it.
 */
export class FollowerRegistry {
  private readonly followers = new Map<string, FollowerState>();
  private readonly waiters = new Set<Waiter>();
  private subscription: Subscription | undefined;
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly nats: NatsConnection) {}

  /** Resolves once the followers already running have answered a roll call. */
  async start(settleMs = 300): Promise<void> {
    this.subscription = this.nats.subscribe(Subjects.followerProgress, {
      callback: (error, msg) => {
        if (!error) this.onProgress(msg.data);
      },
    });
    this.nats.publish(Subjects.followerRollCall);
    await new Promise((resolve) => setTimeout(resolve, settleMs));
  }

  stop(): void {
    this.subscription?.unsubscribe();
    clearInterval(this.timer);
    this.timer = undefined;
    for (const waiter of this.waiters) waiter.resolve(this.outcome(waiter, false));
    this.waiters.clear();
  }

  waitFor(target: Position, options: WaitOptions): Promise<WaitOutcome> {
    return new Promise((resolve) => {
      const waiter: Waiter = {
        target,
        requiredKinds: options.requiredKinds ?? [],
        resolve,
        deadline: Date.now() + options.timeoutMs,
      };
      if (this.lagging(waiter).length === 0) return resolve({ reached: true, lagging: [] });
      this.waiters.add(waiter);
      this.timer ??= setInterval(() => this.settle(), RECHECK_MS);
    });
  }

  private onProgress(data: Uint8Array): void {
    let message: FollowerProgress;
    try {
      message = codec.decode(data);
    } catch {
      return; // a stray message on our subject must not break the registry
    }
    if (typeof message?.followerId !== 'string' || (message.kind !== 'verifier' && message.kind !== 'projector')) return;
    const heartbeatMs = Number.isFinite(message.heartbeatMs) && message.heartbeatMs > 0 ? message.heartbeatMs : 1_000;
    this.followers.set(message.followerId, {
      kind: message.kind,
      position: positionFromToken(message.position),
      caughtUp: message.caughtUp === true,
      expiresAt: Date.now() + heartbeatMs * MISSED_HEARTBEATS,
    });
    this.settle();
  }

  private settle(): void {
    const now = Date.now();
    for (const [id, follower] of this.followers) if (follower.expiresAt < now) this.followers.delete(id);
    for (const waiter of this.waiters) {
      const done = this.lagging(waiter).length === 0;
      if (done || waiter.deadline <= now) {
        this.waiters.delete(waiter);
        waiter.resolve(this.outcome(waiter, done));
      }
    }
    if (this.waiters.size === 0) {
      clearInterval(this.timer);
      this.timer = undefined;
    }
  }

  private outcome(waiter: Waiter, reached: boolean): WaitOutcome {
    return { reached, lagging: reached ? [] : this.lagging(waiter) };
  }

  private lagging(waiter: Waiter): string[] {
    const now = Date.now();
    const applied = (f: FollowerState): boolean => f.position !== undefined && comparePositions(f.position, waiter.target) >= 0;
    const lagging: string[] = [];
    const satisfiedKinds = new Set<FollowerKind>();
    for (const [id, follower] of this.followers) {
      // A follower still catching up answers nothing yet, so there is nothing stale to wait out.
      if (follower.expiresAt < now || !follower.caughtUp) continue;
      if (applied(follower)) satisfiedKinds.add(follower.kind);
      else lagging.push(id);
    }
    for (const kind of waiter.requiredKinds) if (!satisfiedKinds.has(kind)) lagging.push(`(no live ${kind})`);
    return lagging;
  }
}
