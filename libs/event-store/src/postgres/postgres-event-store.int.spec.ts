import { randomBytes } from 'node:crypto';
import { Pool } from 'pg';
import { describeEventStoreContract } from '../testing/event-store.contract';
import { PostgresEventStore } from './postgres-event-store';

jest.setTimeout(30_000);

const url = (): string => {
  if (!process.env.DATABASE_URL) throw new Error('DATABASE_URL is not set: run the tests with "npm test", which starts PostgreSQL');
  return process.env.DATABASE_URL;
};

describeEventStoreContract('PostgreSQL', async () => {
  const schema = `es_${randomBytes(6).toString('hex')}`;
  const store = PostgresEventStore.fromConnectionString(url(), { schema });
  return {
    store,
    holdOpenAppend: (streamId, events) => store.beginAppend(streamId, events, { expectedVersion: 'no_stream' }),
    teardown: async () => {
      await store.close();
      const pool = new Pool({ connectionString: url() });
      await pool.query(`DROP SCHEMA ${schema} CASCADE`);
      await pool.end();
    },
  };
});
