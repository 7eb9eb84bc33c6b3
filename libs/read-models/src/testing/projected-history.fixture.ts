import type { DataSource } from 'typeorm';
import { PostgresEventStore } from '@keyward/event-store/postgres';
import { createTestDatabase, type TestDatabase } from '@keyward/testing';
import { createReadModelDataSource } from '../read-models.data-source';
import { projectUntilLive } from './read-model.fixtures';
import { setInBeforeAll } from './set-in-before-all';

/** Set once the `beforeAll` has run. */
export interface ProjectedHistory {
  readonly database: TestDatabase;
  /** Holds the history `fill` wrote, in the store schema named. */
  readonly store: PostgresEventStore;
  /** The read models, projected from that history until caught up. */
  readonly dataSource: DataSource;
}

/**
 * Inside a `describe`: a database whose event store (in `schema`) `fill` writes a history to, and
 * the read models projected from it, for comparing what a history folds to with what the tables
 * show; dropped after the tests.
 */
export const projectedHistory = (schema: string, fill: (store: PostgresEventStore) => Promise<void>): ProjectedHistory => {
  let database: TestDatabase | undefined;
  let store: PostgresEventStore | undefined;
  let dataSource: DataSource | undefined;

  beforeAll(async () => {
    database = await createTestDatabase();
    store = PostgresEventStore.fromConnectionString(database.url, { schema });
    await fill(store);
    dataSource = await createReadModelDataSource(database.url).initialize();
    await projectUntilLive(store, dataSource);
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await store?.close();
    await database?.drop();
  });

  return {
    get database() {
      return setInBeforeAll(database);
    },
    get store() {
      return setInBeforeAll(store);
    },
    get dataSource() {
      return setInBeforeAll(dataSource);
    },
  };
};
