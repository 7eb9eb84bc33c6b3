import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The identity table (issue 14). No identity event was written before it, so nothing needs replaying to fill it. */
export class CreateIdentityTable1769100000000 implements MigrationInterface {
  name = 'CreateIdentityTable1769100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE identities (
        id text PRIMARY KEY,
        workspace_id text NOT NULL,
        external_id text NOT NULL,
        meta jsonb NOT NULL,
        ratelimits jsonb NOT NULL,
        credits jsonb,
        credits_generation integer NOT NULL,
        credits_set_at timestamptz,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX identities_workspace_created_idx ON identities (workspace_id, created_at, id)`);
    await q.query(`CREATE INDEX identities_workspace_external_id_idx ON identities (workspace_id, external_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE identities`);
  }
}
