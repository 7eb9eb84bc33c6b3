import type { components } from '../api/schema.generated';

type UsageBucket = components['schemas']['UsageBucket'];

/** Every denial of one bucket, whatever its code. */
export const deniedOf = (bucket: UsageBucket): number => Object.values(bucket.denied).reduce<number>((sum, n) => sum + (n ?? 0), 0);

/** A range's totals, and its denials by code, most first. */
export const totalsOf = (buckets: readonly UsageBucket[]): { valid: number; denied: number; byCode: [string, number][] } => {
  const byCode = new Map<string, number>();
  for (const bucket of buckets) for (const [code, n] of Object.entries(bucket.denied)) byCode.set(code, (byCode.get(code) ?? 0) + (n ?? 0));
  return {
    valid: buckets.reduce((sum, b) => sum + b.valid, 0),
    denied: buckets.reduce((sum, b) => sum + deniedOf(b), 0),
    byCode: [...byCode].sort(([a, x], [b, y]) => y - x || a.localeCompare(b)),
  };
};
