import type { MigrationInterface, QueryRunner } from 'typeorm';

/** No credential event was written before this table, so the projection needs no replay to fill it. */
export class CreateCredentialTable1767000000001 implements MigrationInterface {
  name = 'CreateCredentialTable1767000000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE credentials (
        id text PRIMARY KEY,
        workspace_id text NOT NULL,
        service text NOT NULL,
        name text NOT NULL,
        location text NOT NULL,
        parameter_name text NOT NULL,
        allowed_hosts jsonb NOT NULL,
        owner_key_id text NOT NULL,
        shared_keys jsonb NOT NULL,
        shared_roles jsonb NOT NULL,
        last_four text NOT NULL,
        created_at timestamptz NOT NULL,
        rotated_at timestamptz,
        updated_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX credentials_workspace_service_idx ON credentials (workspace_id, service, created_at, id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE credentials`);
  }
}
