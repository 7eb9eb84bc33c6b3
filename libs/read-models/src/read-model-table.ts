import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import type { RecordedEvent } from '@keyward/event-store';
import type { RowChange } from './row-change';
import { applyRowChanges } from './row-change.sql';
import { bulkInsert } from './replay/bulk-insert';
import { MemoryTable } from './replay/memory-table';

/** Rows per INSERT of a replay's write: a few megabytes of JSON each. */
const BULK_ROWS = 5_000;

/** A table in memory that a replay folds events into, then writes in place of the table's rows. */
export interface FoldedTable {
  readonly size: number;
  fold(event: RecordedEvent): void;
  /** Inserts the folded rows into `table`, an empty copy of the entity's. */
  write(manager: EntityManager, table: string): Promise<void>;
}

/** A read-model table the history builds, and what an event does to it: the one place both builds take it from. */
export interface ReadModelTable {
  readonly entity: EntityTarget<ObjectLiteral>;
  /** Applies an event to the table, inside the caller's transaction. */
  project(manager: EntityManager, event: RecordedEvent): Promise<void>;
  /** An empty copy in memory, for a replay. */
  inMemory(): FoldedTable;
}

export const readModelTable = <Row extends { id: string }>(entity: EntityTarget<Row>, changes: (event: RecordedEvent) => RowChange<Row>[]): ReadModelTable => ({
  entity,
  project: (manager, event) => applyRowChanges(manager, entity, changes(event)),
  inMemory: () => {
    const table = new MemoryTable<Row>();
    return {
      get size() {
        return table.size;
      },
      fold: (event) => table.apply(changes(event)),
      write: async (manager, name) => {
        let chunk: Row[] = [];
        for (const row of table.rows()) {
          chunk.push(row);
          if (chunk.length < BULK_ROWS) continue;
          await bulkInsert(manager, entity, name, chunk);
          chunk = [];
        }
        if (chunk.length > 0) await bulkInsert(manager, entity, name, chunk);
      },
    };
  },
});
