import type { Provider } from '@nestjs/common';
import { Gauge, type Registry } from 'prom-client';
import { comparePositions, type Position } from '@keyward/event-store';
import { METRICS_REGISTRY } from '../../tokens';

/**
 * How far a follower (a verifier, the projector) is behind the history, as it knows it: the
 * newest position it has heard of (append hints) against the last one it applied. Computed at
 * scrape time, so following costs a comparison or two per batch.
 *
 * - `keyward_follower_lag_events`: the difference of global positions, exact on the PostgreSQL
 *   store, whose `global_position` counts events (a rolled-back append leaves a gap, counted once).
 * - `keyward_follower_lag_seconds`: since the oldest append it heard of and has not applied; 0
 *   when it has applied everything it heard of.
 * - `keyward_follower_caught_up`: 1 once it has read up to the head of the history.
 */
export class FollowerLagMetrics {
  private head: Position | undefined;
  private applied: Position | undefined;
  private behindSince: number | undefined;
  private caughtUp = false;

  constructor(
    registry: Registry,
    private readonly clock: () => number = Date.now,
  ) {
    const events: Gauge = new Gauge({
      name: 'keyward_follower_lag_events',
      help: 'Events appended (as this follower heard) that it has not applied yet',
      registers: [registry],
      collect: () => events.set(this.lagEvents()),
    });
    const seconds: Gauge = new Gauge({
      name: 'keyward_follower_lag_seconds',
      help: 'Seconds since the oldest append this follower heard of and has not applied yet',
      registers: [registry],
      collect: () => seconds.set(this.lagSeconds()),
    });
    const caughtUp: Gauge = new Gauge({
      name: 'keyward_follower_caught_up',
      help: '1 once this follower has read up to the head of the history, 0 while it catches up',
      registers: [registry],
      collect: () => caughtUp.set(this.caughtUp ? 1 : 0),
    });
  }

  /** Someone appended up to `head`. */
  noteHead(head: Position): void {
    if (this.head && comparePositions(head, this.head) <= 0) return;
    this.head = head;
    if (!this.hasApplied(head)) this.behindSince ??= this.clock();
  }

  /** The follower applied everything up to `position`; `caughtUp` once it reached the head. */
  noteApplied(position: Position | undefined, caughtUp: boolean): void {
    this.caughtUp ||= caughtUp;
    if (!position) return;
    this.applied = position;
    if (!this.head || comparePositions(position, this.head) >= 0) {
      this.head = position;
      this.behindSince = undefined;
    }
  }

  lagEvents(): number {
    if (!this.head) return 0;
    const behind = this.head.prepare - (this.applied?.prepare ?? 0n);
    return this.hasApplied(this.head) || behind < 0n ? 0 : Number(behind);
  }

  lagSeconds(): number {
    return this.behindSince === undefined ? 0 : (this.clock() - this.behindSince) / 1_000;
  }

  private hasApplied(position: Position): boolean {
    return this.applied !== undefined && comparePositions(this.applied, position) >= 0;
  }
}

/** For a follower's module: its lag, in its service's registry. */
export const followerLagProvider: Provider = {
  provide: FollowerLagMetrics,
  inject: [METRICS_REGISTRY],
  useFactory: (registry: Registry) => new FollowerLagMetrics(registry),
};
