import type { EntityManager, EntityTarget, FindOptionsWhere } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { insertOnce } from './insert-once';
import type { RowChange, RowKey } from './row-change';

// The row types are plain column records, which is all TypeORM's condition and value types describe.
const where = <Row extends { id: string }>(key: RowKey<Row>): FindOptionsWhere<Row> => key as FindOptionsWhere<Row>;
const values = <Row extends { id: string }>(set: Partial<Row>): QueryDeepPartialEntity<Row> => set as QueryDeepPartialEntity<Row>;

/**
 * Applies changes in order inside the caller's transaction. A change that depends on the row
 * reads it first: the runner applies a batch one event after another, so it sees every earlier one.
 */
export const applyRowChanges = async <Row extends { id: string }>(manager: EntityManager, entity: EntityTarget<Row>, changes: readonly RowChange<Row>[]): Promise<void> => {
  const table = manager.getRepository(entity);
  for (const change of changes) {
    switch (change.kind) {
      case 'insert':
        await insertOnce<Row>(manager, entity, [change.row]);
        break;
      case 'update': {
        if (typeof change.set !== 'function') {
          await table.update(where(change.where), values(change.set));
          break;
        }
        const row = await table.findOneBy(where(change.where));
        if (row) await table.update(where(change.where), values(change.set(row)));
        break;
      }
      case 'delete':
        await table.delete(where(change.where));
        break;
    }
  }
};
