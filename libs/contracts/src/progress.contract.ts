import type { PositionToken } from './position-token';

export type FollowerKind = 'verifier' | 'projector';

/**
 * Published by every follower on `keyward.v1.followers.progress` after each applied batch and
 * as a heartbeat; writers wait for the live ones to reach their position (product.md section 5).
 */
export interface FollowerProgress {
  readonly followerId: string;
  readonly kind: FollowerKind;
  /** The last applied position; absent until the first event is applied. */
  readonly position?: PositionToken;
  /** False while catching up: such a follower answers nothing and is not waited for yet. */
  readonly caughtUp: boolean;
  /** How often this follower promises to publish; a silent follower is dead after a few periods. */
  readonly heartbeatMs: number;
}

export interface EventsAppended {
  readonly position: PositionToken;
}

/** A write the gateway is about to answer (`keyward.v1.writes.acknowledged`). */
export interface WriteAcknowledged {
  readonly position: PositionToken;
}
