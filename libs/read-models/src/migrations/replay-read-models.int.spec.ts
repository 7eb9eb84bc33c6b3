import { createTestDatabase, type TestDatabase } from '@keyward/testing';
import { DataSource } from 'typeorm';
import { createReadModelDataSource } from '../read-models.data-source';
import { runReadModelMigrations } from '../run-migrations';
import { CreateKeyTable1763860000000 } from './1763860000000-create-key-table';

jest.setTimeout(30_000);

describe('migrating a key table built by the old key-table projection', () => {
  let database: TestDatabase;
  const sources: DataSource[] = [];

  beforeAll(async () => {
    database = await createTestDatabase();
  });

  afterAll(async () => {
    await Promise.all(sources.filter((s) => s.isInitialized).map((s) => s.destroy()));
    await database.drop();
  });

  it('empties the tables and drops the old checkpoint, so every table is rebuilt from the first event', async () => {
    const old = await new DataSource({ type: 'postgres', url: database.url, migrations: [CreateKeyTable1763860000000], migrationsTableName: 'read_model_migrations' }).initialize();
    sources.push(old);
    await old.runMigrations();
    await old.query(`
      INSERT INTO keys (id, workspace_id, name, prefix, masked_key, environment, created_at, lifecycle, restricted, roles, permissions)
      VALUES ('key_1', 'default', 'k', 'kw_live_abcd', 'kw_live_abcd…wxyz', 'live', now(), 'active', false, '[]', '{}')`);
    await old.query(`INSERT INTO projection_checkpoints (projection, commit, prepare) VALUES ('key-table', 10, 10)`);
    await old.destroy();

    const current = await createReadModelDataSource(database.url).initialize();
    sources.push(current);
    await runReadModelMigrations(current);
    expect(await current.query('SELECT * FROM keys')).toEqual([]);
    expect(await current.query('SELECT * FROM projection_checkpoints')).toEqual([]);
    const columns: { column_name: string }[] = await current.query(`SELECT column_name FROM information_schema.columns WHERE table_name = 'keys'`);
    expect(columns.map((c) => c.column_name)).toContain('shares');
    await runReadModelMigrations(current); // a second start changes nothing
  });

  it('only the default workspace may have a row that no WorkspaceCreated filled', async () => {
    const current = sources[1];
    await current.query(`INSERT INTO workspaces (id, plan) VALUES ('default', 'pro')`);
    await expect(current.query(`INSERT INTO workspaces (id, plan) VALUES ('ws_1', 'pro')`)).rejects.toThrow(/workspaces_created_complete/);
  });
});
