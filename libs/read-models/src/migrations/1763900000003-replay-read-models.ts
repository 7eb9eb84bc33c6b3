import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The key table used to follow the history alone, under checkpoint `key-table`; now one
 * projection (`read-models`) fills keys, roles and workspaces. Rows are a function of the history,
 * so the old checkpoint and rows go and the projector rebuilds all tables from the first event:
 * the new tables get the events the old checkpoint had already passed, and the key table its shares.
 */
export class ReplayReadModels1763900000003 implements MigrationInterface {
  name = 'ReplayReadModels1763900000003';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM projection_checkpoints WHERE projection = 'key-table'`);
    await q.query(`TRUNCATE keys, roles, workspaces`);
  }

  /** The same the other way: the old `key-table` projection rebuilds the key table from the first event. */
  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM projection_checkpoints WHERE projection = 'read-models'`);
    await q.query(`TRUNCATE keys, roles, workspaces`);
  }
}
