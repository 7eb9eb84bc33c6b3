import { Counter, Histogram, Registry } from 'prom-client';
import { parsePrometheusText } from './prometheus-text';

describe('parsePrometheusText', () => {
  it("reads prom-client's output, labelled histograms included", async () => {
    const registry = new Registry();
    registry.setDefaultLabels({ service: 's' });
    new Counter({ name: 'a_total', help: 'a', labelNames: ['code'], registers: [registry] }).labels('VALID').inc(3);
    new Histogram({ name: 'b_seconds', help: 'b "quoted"\\', labelNames: ['outcome'], buckets: [1], registers: [registry] }).labels('reached').observe(0.5);
    const samples = parsePrometheusText(await registry.metrics());
    expect(samples).toContainEqual({ name: 'a_total', labels: { service: 's', code: 'VALID' }, value: 3 });
    expect(samples).toContainEqual({ name: 'b_seconds_count', labels: { service: 's', outcome: 'reached' }, value: 1 });
    expect(samples).toContainEqual({ name: 'b_seconds_bucket', labels: { le: '+Inf', service: 's', outcome: 'reached' }, value: 1 });
  });

  it('reads escapes, NaN and infinities, and timestamps', () => {
    const text = '# TYPE g gauge\ng{path="C:\\\\x",msg="say \\"hi\\"\\n"} NaN\ng{k="v"} -Inf 1395066363000\n';
    expect(parsePrometheusText(text)).toEqual([
      { name: 'g', labels: { path: 'C:\\x', msg: 'say "hi"\n' }, value: Number.NaN },
      { name: 'g', labels: { k: 'v' }, value: -Infinity },
    ]);
  });

  it.each([
    ['a sample before its TYPE', 'x 1\n'],
    ['a value that is not a number', '# TYPE x gauge\nx one\n'],
    ['a bad label', '# TYPE x gauge\nx{a=1} 1\n'],
    ['a suffix its type does not have', '# TYPE x counter\nx_bucket 1\n'],
    ['a bucket without le', '# TYPE x histogram\nx_bucket{a="b"} 1\n'],
    ['JSON', '{"status":"ok"}\n'],
  ])('refuses %s', (_, text) => {
    expect(() => parsePrometheusText(text)).toThrow();
  });
});
