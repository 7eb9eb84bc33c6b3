import os from 'node:os';
import { createReadModelDataSource, runReadModelMigrations } from '@keyward/read-models';
import { scanKeyReminders } from '@keyward/webhooks';
import { createBenchDatabase } from './bench-database';
import { median } from './median';
import { runBench } from './cleanup';

/**
 * `npm run bench:reminders`: the webhook sender's reminder scan (product.md 9.3) over a key table of
 * `BENCH_KEYS` keys (default 10,000): a tenth expiring within the week, a tenth stale, the rest used
 * yesterday, one endpoint wanting both reminders. Times the first scan (every reminder recorded and
 * enqueued) and the scans after it (nothing new: what each minute costs). Its own database.
 */
const KEYS = Number(process.env.BENCH_KEYS ?? 10_000);
const SCANS = Number(process.env.BENCH_SCANS ?? 5);

const required = (name: string): string => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run this through "npm run bench:reminders"`);
  return value;
};

runBench(async (cleanup) => {
  const database = await createBenchDatabase(required('DATABASE_URL'));
  cleanup.add(database.drop);
  const dataSource = await createReadModelDataSource(database.url).initialize();
  cleanup.add(() => dataSource.destroy());
  await runReadModelMigrations(dataSource);

  const now = new Date();
  await dataSource.query(
    `INSERT INTO keys (id, workspace_id, name, prefix, masked_key, environment, created_at, expires_at, lifecycle, restricted, roles, permissions, shares)
     SELECT 'key_' || lpad(i::text, 24, '0'), 'default', 'key ' || i, 'kw_live_abcd', 'kw_live_abcd…wxyz', 'live',
            $1::timestamptz - interval '200 days', CASE WHEN i % 10 = 0 THEN $1::timestamptz + interval '3 days' END, 'active', false, '[]', '{}', '[]'
     FROM generate_series(1, $2) i`,
    [now, KEYS],
  );
  await dataSource.query(
    `INSERT INTO key_usage (workspace_id, key_id, usage_count, last_used_at)
     SELECT 'default', 'key_' || lpad(i::text, 24, '0'), 1, $1::timestamptz - interval '1 day' FROM generate_series(1, $2) i WHERE i % 10 <> 5`,
    [now, KEYS],
  );
  await dataSource.query(`INSERT INTO webhook_endpoints (webhook_id, workspace_id, events, enabled) VALUES ('whk_bench', 'default', '["key.expiring","key.stale"]', true)`);
  await dataSource.query(`ANALYZE`);

  const timed = async (): Promise<{ ms: number; reminded: number }> => {
    const started = performance.now();
    const result = await scanKeyReminders(dataSource, now);
    return { ms: performance.now() - started, reminded: result.reminded['key.expiring'] + result.reminded['key.stale'] };
  };
  const first = await timed();
  const later: number[] = [];
  for (let i = 0; i < SCANS; i++) {
    const scan = await timed();
    if (scan.reminded !== 0) throw new Error(`a later scan reminded of ${scan.reminded} keys again`);
    later.push(scan.ms);
  }
  console.log(`reminder scan of ${KEYS} keys (${os.cpus().length} CPUs, shared machine):`);
  console.log(`  first scan: ${first.reminded} reminders recorded and enqueued in ${first.ms.toFixed(0)} ms`);
  console.log(`  later scans (nothing new): median ${median(later).toFixed(1)} ms of ${SCANS}`);
});
