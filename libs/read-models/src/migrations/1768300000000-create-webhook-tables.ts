import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The webhook table the gateway lists (a read model the projector builds from the history), and
 * the sender's own: the endpoints it enqueues for, the deliveries (one per endpoint and history
 * event, the id being the `webhook-id` header) and every attempt of each. No webhook event was
 * written before these tables, so nothing needs replaying to fill them.
 */
export class CreateWebhookTables1768300000000 implements MigrationInterface {
  name = 'CreateWebhookTables1768300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE webhooks (
        id text PRIMARY KEY,
        workspace_id text NOT NULL,
        url text NOT NULL,
        events jsonb NOT NULL,
        description text NOT NULL,
        enabled boolean NOT NULL,
        disabled_reason text,
        created_at timestamptz NOT NULL,
        secret_rotated_at timestamptz,
        updated_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX webhooks_workspace_idx ON webhooks (workspace_id, created_at, id)`);
    await q.query(`
      CREATE TABLE webhook_endpoints (
        webhook_id text PRIMARY KEY,
        workspace_id text NOT NULL,
        events jsonb NOT NULL,
        enabled boolean NOT NULL
      )`);
    await q.query(`CREATE INDEX webhook_endpoints_workspace_idx ON webhook_endpoints (workspace_id)`);
    await q.query(`
      CREATE TABLE webhook_deliveries (
        id text PRIMARY KEY,
        seq bigserial NOT NULL UNIQUE,
        webhook_id text NOT NULL,
        workspace_id text NOT NULL,
        event_id text NOT NULL,
        event_type text NOT NULL,
        payload text NOT NULL,
        status text NOT NULL,
        event_at timestamptz NOT NULL,
        created_at timestamptz NOT NULL,
        first_attempt_at timestamptz,
        next_attempt_at timestamptz,
        delivered_at timestamptz,
        attempt_count integer NOT NULL DEFAULT 0,
        UNIQUE (webhook_id, event_id)
      )`);
    await q.query(`CREATE INDEX webhook_deliveries_pending_idx ON webhook_deliveries (webhook_id, seq) WHERE status = 'pending'`);
    await q.query(`CREATE INDEX webhook_deliveries_list_idx ON webhook_deliveries (webhook_id, seq DESC)`);
    await q.query(`
      CREATE TABLE webhook_delivery_attempts (
        delivery_id text NOT NULL REFERENCES webhook_deliveries (id) ON DELETE CASCADE,
        attempt integer NOT NULL,
        attempted_at timestamptz NOT NULL,
        status integer,
        duration_ms integer NOT NULL,
        error text,
        PRIMARY KEY (delivery_id, attempt)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE webhook_delivery_attempts`);
    await q.query(`DROP TABLE webhook_deliveries`);
    await q.query(`DROP TABLE webhook_endpoints`);
    await q.query(`DROP TABLE webhooks`);
  }
}
