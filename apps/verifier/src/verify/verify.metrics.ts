import { Inject, Injectable } from '@nestjs/common';
import { Counter, type Registry } from 'prom-client';
import { VerifyCodes, type VerifyCode } from '@keyward/contracts';
import { METRICS_REGISTRY } from '@keyward/platform';
import { FixedBucketHistogram } from './fixed-bucket.histogram';

/** Verifies take microseconds; the upper buckets catch a starved event loop. */
const BUCKETS = [0.00001, 0.000025, 0.00005, 0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.05];

const CODE_INDEX = Object.fromEntries(VerifyCodes.map((code, i) => [code, i])) as Readonly<Record<VerifyCode, number>>;

/**
 * `keyward_verify_answers_total{code}` and `keyward_verify_duration_seconds`. On the hot path, so
 * an answer only adds to typed arrays; the counter takes them at scrape time and the histogram
 * keeps fixed buckets. Every code shows from the start at 0, which `rate()` needs.
 */
@Injectable()
export class VerifyMetrics {
  /** Answers by code not yet added to the counter. */
  private readonly pending = new Float64Array(VerifyCodes.length);
  private readonly duration: FixedBucketHistogram;

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
    this.duration = new FixedBucketHistogram({ name: 'keyward_verify_duration_seconds', help: 'Time to answer a verify, from message to reply', buckets: BUCKETS, registry });
  }

  record(code: VerifyCode, seconds: number): void {
    this.pending[CODE_INDEX[code]]++;
    this.duration.record(seconds);
  }
}
