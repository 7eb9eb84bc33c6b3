import type { DataSource, EntityManager } from 'typeorm';
import { UsageCodes, type UsageBatch } from '@keyward/contracts';

interface HourRow {
  readonly workspaceId: string;
  readonly keyId: string;
  readonly hour: string;
  readonly code: string;
  count: number;
}

interface TotalRow {
  readonly workspaceId: string;
  readonly keyId: string;
  valid: number;
  lastUsedAt: string | null;
}

/** Rows in their key's order, so two projectors applying batches at once lock rows in the same order. */
const inKeyOrder = <T>(rows: Map<string, T>): T[] => [...rows.keys()].sort().map((key) => rows.get(key) as T);

/** Sums a batch per (key, hour, code) and per key: one row each, whatever the batch repeats. */
const summed = (batch: UsageBatch): { hours: HourRow[]; totals: TotalRow[] } => {
  const hours = new Map<string, HourRow>();
  const totals = new Map<string, TotalRow>();
  for (const { workspaceId, keyId, hour, counts, lastValidAt } of batch.entries) {
    for (const code of UsageCodes) {
      const count = counts[code];
      if (!count) continue;
      const id = `${workspaceId}\0${keyId}\0${hour}\0${code}`;
      const row = hours.get(id);
      if (row) row.count += count;
      else hours.set(id, { workspaceId, keyId, hour, code, count });
    }
    const id = `${workspaceId}\0${keyId}`;
    let total = totals.get(id);
    if (!total) totals.set(id, (total = { workspaceId, keyId, valid: 0, lastUsedAt: null }));
    total.valid += counts.VALID ?? 0;
    if (lastValidAt !== null && (total.lastUsedAt === null || Date.parse(lastValidAt) > Date.parse(total.lastUsedAt))) total.lastUsedAt = lastValidAt;
  }
  return { hours: inKeyOrder(hours), totals: inKeyOrder(totals) };
};

const addCounts = async (manager: EntityManager, batch: UsageBatch): Promise<void> => {
  const { hours, totals } = summed(batch);
  await manager.query(
    `INSERT INTO key_usage_hours (workspace_id, key_id, hour, code, count)
     SELECT * FROM unnest($1::text[], $2::text[], $3::timestamptz[], $4::text[], $5::bigint[])
     ON CONFLICT (workspace_id, key_id, hour, code) DO UPDATE SET count = key_usage_hours.count + EXCLUDED.count`,
    [hours.map((r) => r.workspaceId), hours.map((r) => r.keyId), hours.map((r) => r.hour), hours.map((r) => r.code), hours.map((r) => r.count)],
  );
  await manager.query(
    `INSERT INTO key_usage (workspace_id, key_id, usage_count, last_used_at)
     SELECT * FROM unnest($1::text[], $2::text[], $3::bigint[], $4::timestamptz[])
     ON CONFLICT (workspace_id, key_id) DO UPDATE SET
       usage_count = key_usage.usage_count + EXCLUDED.usage_count,
       last_used_at = GREATEST(key_usage.last_used_at, EXCLUDED.last_used_at)`,
    [totals.map((r) => r.workspaceId), totals.map((r) => r.keyId), totals.map((r) => r.valid), totals.map((r) => r.lastUsedAt)],
  );
};

/**
 * Applies one batch exactly once: its id and its counts commit in one transaction, so a batch
 * delivered again (a lost acknowledgement, a verifier's retry past JetStream's duplicate window)
 * finds its id and changes nothing. `'duplicate'` when it had been applied before.
 */
export const applyUsageBatch = (dataSource: DataSource, batch: UsageBatch): Promise<'applied' | 'duplicate'> =>
  dataSource.transaction(async (manager) => {
    const claimed = (await manager.query(`INSERT INTO usage_batches (batch_id) VALUES ($1) ON CONFLICT DO NOTHING RETURNING batch_id`, [batch.batchId])) as unknown[];
    if (claimed.length === 0) return 'duplicate';
    await addCounts(manager, batch);
    return 'applied';
  });
