import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Usage is not in the event history (product.md section 9.1), so it cannot live in the key table:
 * a rebuild from the history empties that table. It gets tables of its own that no projection
 * of events touches: totals per key, counts per key, hour and code, and the batches applied.
 * The key table's usage columns were never filled; they go.
 */
export class CreateUsageTables1765000000000 implements MigrationInterface {
  name = 'CreateUsageTables1765000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE key_usage (
      workspace_id text NOT NULL,
      key_id text NOT NULL,
      usage_count bigint NOT NULL,
      last_used_at timestamptz,
      PRIMARY KEY (workspace_id, key_id))`);
    await q.query(`CREATE TABLE key_usage_hours (
      workspace_id text NOT NULL,
      key_id text NOT NULL,
      hour timestamptz NOT NULL,
      code text NOT NULL,
      count bigint NOT NULL,
      PRIMARY KEY (workspace_id, key_id, hour, code))`);
    // The workspace's report reads a range of hours across its keys.
    await q.query(`CREATE INDEX key_usage_hours_workspace_hour_idx ON key_usage_hours (workspace_id, hour)`);
    await q.query(`CREATE TABLE usage_batches (batch_id uuid PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`);
    await q.query(`ALTER TABLE keys DROP COLUMN usage_count, DROP COLUMN last_used_at`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE keys ADD COLUMN usage_count bigint NOT NULL DEFAULT 0, ADD COLUMN last_used_at timestamptz`);
    await q.query(`DROP TABLE usage_batches, key_usage_hours, key_usage`);
  }
}
