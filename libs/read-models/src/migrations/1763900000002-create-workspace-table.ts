import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateWorkspaceTable1763900000002 implements MigrationInterface {
  name = 'CreateWorkspaceTable1763900000002';

  async up(q: QueryRunner): Promise<void> {
    // Only `default`, which exists without WorkspaceCreated, may leave columns to its start state.
    await q.query(`
      CREATE TABLE workspaces (
        id text PRIMARY KEY,
        name text,
        plan text CHECK (plan IN ('free', 'pro', 'enterprise')),
        settings jsonb,
        created_at timestamptz,
        CONSTRAINT workspaces_created_complete CHECK (
          id = 'default' OR (name IS NOT NULL AND plan IS NOT NULL AND settings IS NOT NULL AND created_at IS NOT NULL)
        )
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE workspaces`);
  }
}
