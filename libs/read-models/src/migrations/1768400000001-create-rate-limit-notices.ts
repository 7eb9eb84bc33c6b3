import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The webhook sender's record of the `key.rate_limited` notices it has enqueued: one per key and
 * rate-limit window, written in the transaction that enqueues its deliveries, so the verifiers'
 * copies of a notice (one each, and again after a lost acknowledgement) enqueue it once.
 */
export class CreateRateLimitNotices1768400000001 implements MigrationInterface {
  name = 'CreateRateLimitNotices1768400000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE key_rate_limit_notices (
        key_id text NOT NULL,
        window_start timestamptz NOT NULL,
        workspace_id text NOT NULL,
        noticed_at timestamptz NOT NULL,
        PRIMARY KEY (key_id, window_start)
      )`);
    await q.query(`CREATE INDEX key_rate_limit_notices_noticed_idx ON key_rate_limit_notices (noticed_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE key_rate_limit_notices`);
  }
}
