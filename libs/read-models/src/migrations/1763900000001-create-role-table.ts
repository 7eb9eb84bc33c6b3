import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateRoleTable1763900000001 implements MigrationInterface {
  name = 'CreateRoleTable1763900000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE roles (
        id text PRIMARY KEY,
        workspace_id text NOT NULL,
        name text NOT NULL,
        description text NOT NULL,
        permissions jsonb NOT NULL,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX roles_workspace_created_idx ON roles (workspace_id, created_at, id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE roles`);
  }
}
