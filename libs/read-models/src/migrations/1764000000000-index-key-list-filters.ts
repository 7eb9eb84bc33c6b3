import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Each filter of the key list walks an index in the list's order (newest first), so a page costs
 * the same at a thousand keys as at a million: with only (workspace_id, created_at, id), a page of
 * revoked keys among a million active ones read every row of the workspace.
 * Expired keys are active keys with an expiry: the partial index holds only those, so the walk
 * skips every key that never expires (`keyStatusAt` decides the rest, in the query's filter).
 * Built in the migration's transaction, not CONCURRENTLY: on a million keys each takes about 2 s,
 * during which the projector waits; a migration that cannot run in a transaction would need its own path.
 */
export class IndexKeyListFilters1764000000000 implements MigrationInterface {
  name = 'IndexKeyListFilters1764000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX keys_workspace_lifecycle_created_idx ON keys (workspace_id, lifecycle, created_at, id)`);
    await q.query(`CREATE INDEX keys_workspace_environment_created_idx ON keys (workspace_id, environment, created_at, id)`);
    await q.query(`CREATE INDEX keys_workspace_expiring_created_idx ON keys (workspace_id, created_at, id) WHERE lifecycle = 'active' AND expires_at IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX keys_workspace_expiring_created_idx`);
    await q.query(`DROP INDEX keys_workspace_environment_created_idx`);
    await q.query(`DROP INDEX keys_workspace_lifecycle_created_idx`);
  }
}
