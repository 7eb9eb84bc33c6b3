import type { DataSource } from 'typeorm';

/** Arbitrary but fixed: serialises migrations when several services start at once. */
const MIGRATION_LOCK = 7_316_001;

export const runReadModelMigrations = async (dataSource: DataSource): Promise<void> => {
  const lock = dataSource.createQueryRunner();
  await lock.connect();
  try {
    await lock.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    await dataSource.runMigrations();
  } finally {
    await lock.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    await lock.release();
  }
};
