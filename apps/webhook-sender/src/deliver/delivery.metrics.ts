import { Inject, Injectable } from '@nestjs/common';
import { Counter, Histogram, type Registry } from 'prom-client';
import { METRICS_REGISTRY } from '@keyward/platform';
import type { AttemptOutcome } from '@keyward/webhooks';

/** From a history event's commit to its delivery: milliseconds to a day of retries. */
const LAG_BUCKETS = [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 60, 600, 3600, 86400];

/** What the sender sends, how it went, and which endpoints it disabled. */
@Injectable()
export class DeliveryMetrics {
  private readonly attempts: Counter<'outcome'>;
  private readonly disabled: Counter;
  private readonly lag: Histogram;
  private readonly notices: Counter<'kind'>;

  constructor(@Inject(METRICS_REGISTRY) registry: Registry) {
    this.attempts = new Counter({ name: 'keyward_webhook_attempts_total', help: 'Webhook delivery tries, by what followed (delivered, retry, failed)', labelNames: ['outcome'], registers: [registry] });
    this.disabled = new Counter({ name: 'keyward_webhooks_disabled_total', help: 'Endpoints disabled after failing for the whole retry period', registers: [registry] });
    this.notices = new Counter({ name: 'keyward_webhook_notices_total', help: 'Notices no history event causes, recorded once each (key.expiring, key.stale, key.rate_limited) and enqueued to the endpoints that want them', labelNames: ['kind'], registers: [registry] });
    this.lag = new Histogram({ name: 'keyward_webhook_delivery_lag_seconds', help: 'From the history event to its delivery being answered 2xx', buckets: LAG_BUCKETS, registers: [registry] });
  }

  attempted(outcome: AttemptOutcome['kind'], eventAt: Date, answeredAt: Date): void {
    this.attempts.inc({ outcome });
    if (outcome === 'delivered') this.lag.observe((answeredAt.getTime() - eventAt.getTime()) / 1000);
  }

  noticed(kind: string, count: number): void {
    if (count > 0) this.notices.inc({ kind }, count);
  }

  endpointDisabled(): void {
    this.disabled.inc();
  }
}
