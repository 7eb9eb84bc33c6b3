import type { DataSource } from 'typeorm';
import type { Position } from '@keyward/event-store';
import { PostgresEventStore } from '@keyward/event-store/postgres';
import { createTestDatabase, type TestDatabase } from '@keyward/testing';
import { createReadModelDataSource } from '../read-models.data-source';
import { projectUntilLive } from './read-model.fixtures';
import { setInBeforeAll } from './set-in-before-all';

export interface Rebuild {
  /** The store `fill` wrote the history to; set once the `beforeAll` has run. */
  readonly store: PostgresEventStore;
  /** The read models `projectTwice` built, first build then rebuild; destroyed after the tests. */
  readonly sources: readonly DataSource[];
  /** The history projected into both databases, for the rebuild to be compared with the first build. */
  projectTwice(): Promise<{ sources: [DataSource, DataSource]; positions: [Position | undefined, Position | undefined] }>;
}

/**
 * Inside a `describe`: an event database that `fill` writes the history to and a second, empty
 * one to rebuild into; both dropped after the tests, with every read model built from them.
 */
export const rebuildDatabases = (fill: (store: PostgresEventStore) => Promise<void>): Rebuild => {
  let events: TestDatabase;
  let rebuilt: TestDatabase;
  let store: PostgresEventStore | undefined;
  const sources: DataSource[] = [];

  beforeAll(async () => {
    [events, rebuilt] = await Promise.all([createTestDatabase(), createTestDatabase()]);
    store = PostgresEventStore.fromConnectionString(events.url);
    await fill(store);
  });

  afterAll(async () => {
    await Promise.all(sources.map((s) => s.destroy()));
    await store?.close();
    await Promise.all([events.drop(), rebuilt.drop()]);
  });

  return {
    get store() {
      return setInBeforeAll(store);
    },
    sources,
    async projectTwice() {
      const history = setInBeforeAll(store);
      const first = await createReadModelDataSource(events.url).initialize();
      const second = await createReadModelDataSource(rebuilt.url).initialize();
      sources.push(first, second);
      return { sources: [first, second], positions: [await projectUntilLive(history, first), await projectUntilLive(history, second)] };
    },
  };
};
