import { Inject, Injectable } from '@nestjs/common';
import { Counter, type Registry } from 'prom-client';
import { VerifyCodes, type VerifyCode } from '@keyward/contracts';
import { METRICS_REGISTRY } from '@keyward/platform';
import { FixedBucketHistogram } from './fixed-bucket.histogram';

/** Verifies take microseconds; the upper buckets catch a starved event loop. */
const BUCKETS = [0.00001, 0.000025, 0.00005, 0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.05];

const CODE_INDEX = Object.fromEntries(VerifyCodes.map((code, i) => [code, i])) as Readonly<Record<VerifyCode, number>>;

/**
 * `keyward_verify_answers_total{code}`, `keyward_verify_duration_seconds` and
 * `keyward_rate_limit_degraded_total`. On the hot path, so
 * an answer only adds to typed arrays; the counter takes them at scrape time and the histogram
 * keeps fixed buckets. Every code shows from the start at 0, which `rate()` needs.
 */
@Injectable()
export class VerifyMetrics {
  /** Answers by code not yet added to the counter. */
  private readonly pending = new Float64Array(VerifyCodes.length);
  private readonly duration: FixedBucketHistogram;
  /** Answers of rate-limited keys decided without the shared count (`rateLimitWhenUnreachable`). */
  private readonly degraded: Counter;

  constructor(@Inject(METRICS_REGISTRY) registry: Registry) {
    const pending = this.pending;
    new Counter({
      name: 'keyward_verify_answers_total',
      help: 'Verify answers by code',
      labelNames: ['code'],
      registers: [registry],
      collect(this: Counter) {
        VerifyCodes.forEach((code, i) => {
          this.labels(code).inc(pending[i]);
          pending[i] = 0;
        });
      },
    });
    this.degraded = new Counter({ name: 'keyward_rate_limit_degraded_total', help: 'Verify answers of rate-limited keys given without the shared count', registers: [registry] });
    this.duration = new FixedBucketHistogram({ name: 'keyward_verify_duration_seconds', help: 'Time to answer a verify, from message to reply', buckets: BUCKETS, registry });
  }

  record(code: VerifyCode, seconds: number, degraded = false): void {
    this.pending[CODE_INDEX[code]]++;
    this.duration.record(seconds);
    if (degraded) this.degraded.inc();
  }
}
