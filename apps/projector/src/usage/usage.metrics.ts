import { Inject, Injectable } from '@nestjs/common';
import { Counter, Gauge, type Registry } from 'prom-client';
import { METRICS_REGISTRY } from '@keyward/platform';

export type BatchOutcome = 'applied' | 'duplicate' | 'rejected';

/** What the usage projector applies, and how far behind the verifiers' flushes it is. */
@Injectable()
export class UsageMetrics {
  private readonly batches: Counter<'outcome'>;
  private readonly counts: Counter;
  private readonly lag: Gauge;

  constructor(@Inject(METRICS_REGISTRY) registry: Registry) {
    this.batches = new Counter({ name: 'keyward_usage_batches_applied_total', help: 'Usage batches taken off the stream, by outcome', labelNames: ['outcome'], registers: [registry] });
    this.counts = new Counter({ name: 'keyward_usage_counts_applied_total', help: 'Verify answers counted by the usage batches applied', registers: [registry] });
    this.lag = new Gauge({ name: 'keyward_usage_lag_seconds', help: 'From a batch being sealed by its verifier to its commit, for the last batch applied', registers: [registry] });
  }

  record(outcome: BatchOutcome, counts: number, lagSeconds: number | undefined): void {
    this.batches.inc({ outcome });
    if (outcome === 'applied') this.counts.inc(counts);
    if (lagSeconds !== undefined) this.lag.set(lagSeconds);
  }
}
