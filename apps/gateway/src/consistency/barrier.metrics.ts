import { Inject, Injectable } from '@nestjs/common';
import { Histogram, type Registry } from 'prom-client';
import { METRICS_REGISTRY } from '@keyward/platform';

/** Up to the bound (3 s) and a little past it, where a timed-out wait lands. */
const BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2, 3, 5];

/**
 * `keyward_barrier_wait_seconds{outcome}`: how long a write waited for the followers to apply it
 * before answering (read-your-writes), `reached` or `timed_out`.
 */
@Injectable()
export class BarrierMetrics {
  private readonly reached: Histogram.Internal<string>;
  private readonly timedOut: Histogram.Internal<string>;

  constructor(@Inject(METRICS_REGISTRY) registry: Registry) {
    const wait = new Histogram({
      name: 'keyward_barrier_wait_seconds',
      help: 'Time a write waited for every live follower to apply it, by outcome',
      labelNames: ['outcome'],
      buckets: BUCKETS,
      registers: [registry],
    });
    this.reached = wait.labels('reached');
    this.timedOut = wait.labels('timed_out');
  }

  observe(reached: boolean, seconds: number): void {
    (reached ? this.reached : this.timedOut).observe(seconds);
  }
}
