import type { DataSource } from 'typeorm';
import { createReadModelDataSource, runReadModelMigrations } from '@keyward/read-models';
import { createTestDatabase, type TestDatabase } from '@keyward/testing';

/** A fresh read-model database, migrated: `credential_data_keys` lives there. */
export const createVaultDatabase = async (): Promise<{ database: TestDatabase; dataSource: DataSource }> => {
  const database = await createTestDatabase();
  const dataSource = await createReadModelDataSource(database.url).initialize();
  await runReadModelMigrations(dataSource);
  return { database, dataSource };
};

/** Every row of every table as JSON text (bytea as `\x…` hex): what a dump of the database holds, pg_dump or not. */
export const dumpEveryTable = async (dataSource: DataSource): Promise<string[]> => {
  const tables: { table_name: string }[] = await dataSource.query(`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`);
  const rows: string[] = [];
  for (const { table_name } of tables) {
    const found: { row: string }[] = await dataSource.query(`SELECT row_to_json(t)::text AS row FROM "${table_name}" t`);
    rows.push(...found.map((r) => r.row));
  }
  return rows;
};
