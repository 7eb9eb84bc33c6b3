import { Injectable } from '@nestjs/common';
import { HealthChecks, type CheckState } from '@keyward/platform';
import { Freshness } from '@keyward/key-index';

/** What `/health` says of the index: `catching-up` until it first reached the head, `stale` while it may not answer. */
export const indexState = (freshness: Freshness, now: number): CheckState =>
  !freshness.isCaughtUp ? 'catching-up' : freshness.serving(now) ? 'ok' : 'stale';

/** Registers the index with the verifier's health checks. */
@Injectable()
export class IndexHealth {
  constructor(health: HealthChecks, freshness: Freshness) {
    health.register('index', () => indexState(freshness, Date.now()));
  }
}
