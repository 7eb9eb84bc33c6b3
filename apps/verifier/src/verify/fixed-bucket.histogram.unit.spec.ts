import { Histogram, Registry } from 'prom-client';
import { FixedBucketHistogram } from './fixed-bucket.histogram';

const BUCKETS = [0.001, 0.01, 0.1];

describe('FixedBucketHistogram', () => {
  it("exposes exactly what prom-client's own histogram does for the same observations, as text and as JSON", async () => {
    const ours = new Registry();
    const theirs = new Registry();
    for (const registry of [ours, theirs]) registry.setDefaultLabels({ service: 'verifier' });
    const fixed = new FixedBucketHistogram({ name: 'latency_seconds', help: 'Latency', buckets: BUCKETS, registry: ours });
    const reference = new Histogram({ name: 'latency_seconds', help: 'Latency', buckets: BUCKETS, registers: [theirs] });
    expect(await ours.metrics()).toBe(await theirs.metrics());

    // On a bound, between bounds, and above the last one.
    for (const value of [0.0005, 0.001, 0.005, 0.05, 0.1, 3]) {
      fixed.record(value);
      reference.observe(value);
    }
    expect(await ours.metrics()).toBe(await theirs.metrics());
    expect(await ours.metrics()).toContain('latency_seconds_bucket{le="0.001",service="verifier"} 2');
    expect(await ours.getMetricsAsJSON()).toEqual(await theirs.getMetricsAsJSON());
  });
});
