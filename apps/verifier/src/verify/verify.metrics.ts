import { Inject, Injectable } from '@nestjs/common';
import { Counter, Histogram, type Registry } from 'prom-client';
import { VerifyCodes, type VerifyCode } from '@keyward/contracts';
import { METRICS_REGISTRY } from '@keyward/platform';

/** Verifies take microseconds; the upper buckets catch a starved event loop. */
const BUCKETS = [0.00001, 0.000025, 0.00005, 0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.05];

/**
 * `keyward_verify_answers_total{code}` and `keyward_verify_duration_seconds`. On the hot path, so
 * each code's counter is bound once up front (no label lookup per answer) and the histogram has no
 * labels; every code shows from the start at 0, which `rate()` needs.
 */
@Injectable()
export class VerifyMetrics {
  private readonly answers: Readonly<Record<VerifyCode, Counter.Internal>>;
  private readonly duration: Histogram;

  constructor(@Inject(METRICS_REGISTRY) registry: Registry) {
    const answers = new Counter({ name: 'keyward_verify_answers_total', help: 'Verify answers by code', labelNames: ['code'], registers: [registry] });
    this.answers = Object.fromEntries(VerifyCodes.map((code) => [code, answers.labels(code)])) as Record<VerifyCode, Counter.Internal>;
    for (const code of VerifyCodes) this.answers[code].inc(0);
    this.duration = new Histogram({ name: 'keyward_verify_duration_seconds', help: 'Time to answer a verify, from message to reply', buckets: BUCKETS, registers: [registry] });
  }

  record(code: VerifyCode, seconds: number): void {
    this.answers[code].inc();
    this.duration.observe(seconds);
  }
}
