import { Registry } from 'prom-client';
import { VerifyCodes } from '@keyward/contracts';
import { VerifyMetrics } from './verify.metrics';

describe('VerifyMetrics', () => {
  it('shows every verify code from the start at 0, counts answers by code and times each one', async () => {
    const registry = new Registry();
    const metrics = new VerifyMetrics(registry);
    const answers = async () => Object.fromEntries(((await registry.getSingleMetric('keyward_verify_answers_total')?.get())?.values ?? []).map((v) => [v.labels.code, v.value]));
    expect(await answers()).toEqual(Object.fromEntries(VerifyCodes.map((code) => [code, 0])));

    metrics.record('VALID', 0.00002);
    metrics.record('VALID', 0.00003);
    metrics.record('REVOKED', 0.002);
    expect(await answers()).toMatchObject({ VALID: 2, REVOKED: 1, NOT_FOUND: 0 });
    const latency = await registry.getSingleMetricAsString('keyward_verify_duration_seconds');
    expect(latency).toContain('keyward_verify_duration_seconds_count 3');
    expect(latency).toContain('keyward_verify_duration_seconds_bucket{le="0.00005"} 2');
  });

  it('counts the answers a rate limit gave without the shared count', async () => {
    const registry = new Registry();
    const metrics = new VerifyMetrics(registry);
    expect(await registry.getSingleMetricAsString('keyward_rate_limit_degraded_total')).toContain('keyward_rate_limit_degraded_total 0');
    metrics.record('VALID', 0.001, true);
    metrics.record('RATE_LIMITED', 0.001, true);
    metrics.record('VALID', 0.001);
    expect(await registry.getSingleMetricAsString('keyward_rate_limit_degraded_total')).toContain('keyward_rate_limit_degraded_total 2');
  });
});
