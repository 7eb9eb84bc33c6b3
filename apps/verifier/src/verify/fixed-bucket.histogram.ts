import { Histogram, type Registry } from 'prom-client';

interface ExportedValue {
  readonly value: number;
  readonly labels: Record<string, string | number>;
  readonly sharedLabels: Record<string, string>;
  readonly metricName: string;
  /** prom-client's buckets carry one (none here: no exemplars); its sum and count do not. */
  readonly exemplar?: null;
}

/**
 * A label-less Prometheus histogram for a hot path: `record` is a scan of the bounds and two
 * additions into a typed array (no label hashing, no allocation), and the counts become the
 * histogram's series only when it is scraped. prom-client reads a histogram through
 * `getForPromString` (the registry) and `get` (its own, which splays `sharedLabels`), so serving
 * that method is all it takes; the unit test holds it to prom-client's exposition.
 */
export class FixedBucketHistogram extends Histogram {
  /** One count per bound, then the overflow above the last. */
  private readonly counts: Float64Array;
  private sum = 0;
  private count = 0;

  constructor(
    private readonly config: { readonly name: string; readonly help: string; readonly buckets: readonly number[]; readonly registry: Registry },
  ) {
    super({ name: config.name, help: config.help, buckets: [...config.buckets], registers: [config.registry] });
    this.counts = new Float64Array(config.buckets.length + 1);
  }

  record(value: number): void {
    const bounds = this.config.buckets;
    let i = 0;
    while (i < bounds.length && value > bounds[i]) i++;
    this.counts[i]++;
    this.sum += value;
    this.count++;
  }

  async getForPromString(): Promise<{ name: string; help: string; type: 'histogram'; aggregator: 'sum'; values: ExportedValue[] }> {
    const { name, help, buckets } = this.config;
    const bucket = `${name}_bucket`;
    let cumulative = 0;
    const values: ExportedValue[] = buckets.map((le, i) => ({ value: (cumulative += this.counts[i]), labels: { le }, sharedLabels: {}, metricName: bucket, exemplar: null }));
    values.push(
      { value: this.count, labels: { le: '+Inf' }, sharedLabels: {}, metricName: bucket, exemplar: null },
      { value: this.sum, labels: {}, sharedLabels: {}, metricName: `${name}_sum` },
      { value: this.count, labels: {}, sharedLabels: {}, metricName: `${name}_count` },
    );
    return { name, help, type: 'histogram', aggregator: 'sum', values };
  }
}
