import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The webhook sender's record of the reminders it has sent (product.md 9.3): per key and kind,
 * what the last one was for (the expiry, or the last use a stale spell began after). Written in
 * the transaction that enqueues the reminder's deliveries, so a restart neither loses nor repeats
 * one. Not an event projection: a replay of the read models leaves it alone.
 */
export class CreateKeyReminders1768400000000 implements MigrationInterface {
  name = 'CreateKeyReminders1768400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE key_reminders (
        key_id text NOT NULL,
        kind text NOT NULL CHECK (kind IN ('key.expiring', 'key.stale')),
        workspace_id text NOT NULL,
        reminded_for timestamptz NOT NULL,
        reminded_at timestamptz NOT NULL,
        PRIMARY KEY (key_id, kind)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE key_reminders`);
  }
}
