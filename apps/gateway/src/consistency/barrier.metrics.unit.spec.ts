import { Registry } from 'prom-client';
import { BarrierMetrics } from './barrier.metrics';

describe('BarrierMetrics', () => {
  it('observes each wait under its outcome', async () => {
    const registry = new Registry();
    const barrier = new BarrierMetrics(registry);
    barrier.observe(true, 0.004);
    barrier.observe(true, 0.02);
    barrier.observe(false, 3.001);
    const text = await registry.getSingleMetricAsString('keyward_barrier_wait_seconds');
    expect(text).toContain('keyward_barrier_wait_seconds_count{outcome="reached"} 2');
    expect(text).toContain('keyward_barrier_wait_seconds_count{outcome="timed_out"} 1');
    expect(text).toContain('keyward_barrier_wait_seconds_bucket{le="0.005",outcome="reached"} 1');
    expect(text).toContain('keyward_barrier_wait_seconds_bucket{le="3",outcome="timed_out"} 0');
  });
});
