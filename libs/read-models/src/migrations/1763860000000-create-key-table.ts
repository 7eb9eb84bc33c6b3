import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateKeyTable1763860000000 implements MigrationInterface {
  name = 'CreateKeyTable1763860000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE keys (
        id text PRIMARY KEY,
        workspace_id text NOT NULL,
        name text NOT NULL,
        prefix text NOT NULL,
        masked_key text NOT NULL,
        environment text NOT NULL CHECK (environment IN ('live', 'test')),
        created_at timestamptz NOT NULL,
        expires_at timestamptz,
        lifecycle text NOT NULL CHECK (lifecycle IN ('active', 'revoked')),
        restricted boolean NOT NULL,
        roles jsonb NOT NULL,
        permissions jsonb NOT NULL,
        rotated_at timestamptz,
        revoked_at timestamptz,
        usage_count bigint NOT NULL DEFAULT 0,
        last_used_at timestamptz
      )`);
    await q.query(`CREATE INDEX keys_workspace_created_idx ON keys (workspace_id, created_at, id)`);
    await q.query(`
      CREATE TABLE projection_checkpoints (
        projection text PRIMARY KEY,
        commit numeric(20, 0) NOT NULL,
        prepare numeric(20, 0) NOT NULL
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE projection_checkpoints`);
    await q.query(`DROP TABLE keys`);
  }
}
