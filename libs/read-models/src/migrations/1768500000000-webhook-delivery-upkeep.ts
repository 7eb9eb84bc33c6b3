import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The sender's upkeep of its delivery tables: `disable_pending` marks a delivery that failed for
 * good until its endpoint's `WebhookDisabled` is appended (a crash between the two is finished at
 * the next look), and settled deliveries are found by age for the retention purge.
 */
export class WebhookDeliveryUpkeep1768500000000 implements MigrationInterface {
  name = 'WebhookDeliveryUpkeep1768500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE webhook_deliveries ADD COLUMN disable_pending boolean NOT NULL DEFAULT false`);
    await q.query(`CREATE INDEX webhook_deliveries_disable_pending_idx ON webhook_deliveries (id) WHERE disable_pending`);
    await q.query(`CREATE INDEX webhook_deliveries_settled_idx ON webhook_deliveries (created_at) WHERE status <> 'pending'`);
    // Deliveries of endpoints deleted before the sender deleted them with their endpoint.
    await q.query(`DELETE FROM webhook_deliveries d WHERE NOT EXISTS (SELECT 1 FROM webhook_endpoints e WHERE e.webhook_id = d.webhook_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX webhook_deliveries_settled_idx`);
    await q.query(`DROP INDEX webhook_deliveries_disable_pending_idx`);
    await q.query(`ALTER TABLE webhook_deliveries DROP COLUMN disable_pending`);
  }
}
