import type { DataSource } from 'typeorm';
import { applyEvents, migratedReadModels, type ProjectableEvent } from './read-model.fixtures';
import { setInBeforeAll } from './set-in-before-all';

/** Set once the `beforeAll` has run. */
export interface ReadModelQueriesFixture<Queries> {
  readonly dataSource: DataSource;
  /** The queries under test, over `dataSource`. */
  readonly queries: Queries;
}

/**
 * Inside a `describe`: fresh migrated read models holding `events`, and the queries under test
 * over them; dropped after the tests.
 */
export const readModelQueries = <Queries>(
  queriesOver: (dataSource: DataSource) => Queries,
  events: readonly ProjectableEvent[] = [],
): ReadModelQueriesFixture<Queries> => {
  let db: Awaited<ReturnType<typeof migratedReadModels>> | undefined;
  let queries: Queries | undefined;

  beforeAll(async () => {
    db = await migratedReadModels();
    queries = queriesOver(db.dataSource);
    await applyEvents(db.dataSource, events);
  });

  afterAll(() => db?.close());

  return {
    get dataSource() {
      return setInBeforeAll(db).dataSource;
    },
    get queries() {
      return setInBeforeAll(queries);
    },
  };
};
