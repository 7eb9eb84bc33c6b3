import type { DataSource } from 'typeorm';
import { UsageCodes, type DeniedUsageCode, type KeyUsageReport, type TopKey, type UsageBucket, type WorkspaceUsageReport } from '@keyward/contracts';
import { BUCKET_MS, bucketStart, type UsageRange } from '@keyward/domain';

/** How many keys `GET /v1/usage` names as the workspace's busiest. */
export const TOP_KEYS = 10;

interface CountRow {
  readonly start: Date;
  readonly code: string;
  readonly count: string;
}

const isDenied = (code: string): code is DeniedUsageCode => code !== 'VALID' && (UsageCodes as readonly string[]).includes(code);

/** Every bucket of the range, those without counts at zero, so a chart has no gaps. */
const bucketsOf = (range: UsageRange, rows: readonly CountRow[]): UsageBucket[] => {
  const step = BUCKET_MS[range.granularity];
  const buckets = new Map<number, { start: string; valid: number; denied: Partial<Record<DeniedUsageCode, number>> }>();
  for (let t = bucketStart(range.from.getTime(), range.granularity); t < range.to.getTime(); t += step) buckets.set(t, { start: new Date(t).toISOString(), valid: 0, denied: {} });
  for (const row of rows) {
    const bucket = buckets.get(row.start.getTime());
    if (!bucket) continue;
    if (row.code === 'VALID') bucket.valid += Number(row.count);
    else if (isDenied(row.code)) bucket.denied[row.code] = (bucket.denied[row.code] ?? 0) + Number(row.count);
  }
  return [...buckets.values()];
};

/** The hours a range reads: from the start of the bucket holding `from`, up to `to`. */
const hoursOf = (range: UsageRange): [Date, Date] => [new Date(bucketStart(range.from.getTime(), range.granularity)), range.to];

/** Usage reports, always within one workspace: another workspace's key has no usage here. */
export class UsageQueries {
  constructor(private readonly dataSource: DataSource) {}

  async ofKey(workspaceId: string, keyId: string, range: UsageRange): Promise<KeyUsageReport> {
    const rows = (await this.dataSource.query(
      `SELECT date_trunc($1, hour, 'UTC') AS start, code, sum(count) AS count FROM key_usage_hours
       WHERE workspace_id = $2 AND key_id = $3 AND hour >= $4 AND hour < $5 GROUP BY 1, 2`,
      [range.granularity, workspaceId, keyId, ...hoursOf(range)],
    )) as CountRow[];
    return { buckets: bucketsOf(range, rows) };
  }

  async ofWorkspace(workspaceId: string, range: UsageRange): Promise<WorkspaceUsageReport> {
    const [rows, top] = await Promise.all([
      this.dataSource.query(
        `SELECT date_trunc($1, hour, 'UTC') AS start, code, sum(count) AS count FROM key_usage_hours
         WHERE workspace_id = $2 AND hour >= $3 AND hour < $4 GROUP BY 1, 2`,
        [range.granularity, workspaceId, ...hoursOf(range)],
      ) as Promise<CountRow[]>,
      this.dataSource.query(
        `SELECT key_id, coalesce(sum(count) FILTER (WHERE code = 'VALID'), 0) AS valid, coalesce(sum(count) FILTER (WHERE code <> 'VALID'), 0) AS denied
         FROM key_usage_hours WHERE workspace_id = $1 AND hour >= $2 AND hour < $3
         GROUP BY key_id ORDER BY valid DESC, denied DESC, key_id LIMIT ${TOP_KEYS}`,
        [workspaceId, ...hoursOf(range)],
      ) as Promise<{ key_id: string; valid: string; denied: string }[]>,
    ]);
    const topKeys: TopKey[] = top.map((r) => ({ keyId: r.key_id, valid: Number(r.valid), denied: Number(r.denied) }));
    return { buckets: bucketsOf(range, rows), topKeys };
  }
}
