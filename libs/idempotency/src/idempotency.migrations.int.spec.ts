import { createReadModelDataSource, runReadModelMigrations } from '@keyward/read-models';
import { createTestDatabase, type TestDatabase } from '@keyward/testing';
import { idempotencyMigrations } from './idempotency.migrations';
import { CreateIdempotencyTable1764000000000 } from './migrations/1764000000000-create-idempotency-table';

jest.setTimeout(30_000);

/** The table moved here from @keyward/read-models: a database migrated before the move must carry on, not create it twice. */
describe('idempotency migrations on PostgreSQL', () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase();
  });

  afterAll(() => database.drop());

  it('run after those a database recorded when the table lived in the read models, adding only what is new', async () => {
    const before = await createReadModelDataSource(database.url, { moreMigrations: [CreateIdempotencyTable1764000000000] }).initialize();
    await runReadModelMigrations(before);
    await before.query(`INSERT INTO idempotency_records (scope, idempotency_key, fingerprint, created_at) VALUES ('default', 'k', 'f', now())`);
    await before.destroy();

    const now = await createReadModelDataSource(database.url, { moreMigrations: idempotencyMigrations }).initialize();
    try {
      await runReadModelMigrations(now);
      const ran = await now.query(`SELECT name FROM read_model_migrations WHERE name LIKE '%Idempotency%' ORDER BY id`);
      expect(ran.map((m: { name: string }) => m.name)).toEqual(['CreateIdempotencyTable1764000000000', 'AddIdempotencyPosition1764100000000']);
      expect(await now.query(`SELECT idempotency_key, response_position FROM idempotency_records`)).toEqual([{ idempotency_key: 'k', response_position: null }]);
    } finally {
      await now.destroy();
    }
  });
});
