import type { RowChange, RowKey } from '../row-change';

const matches = <Row extends { id: string }>(row: Row, where: RowKey<Row>): boolean =>
  (Object.keys(where) as (keyof Row)[]).every((column) => row[column] === where[column]);

/**
 * A table's rows held in memory by id, changed as the live projection's SQL changes the table
 * (`applyRowChanges`): a replay folds the whole history here and writes the result at once.
 */
export class MemoryTable<Row extends { id: string }> {
  private readonly byId = new Map<string, Row>();

  apply(changes: readonly RowChange<Row>[]): void {
    for (const change of changes) {
      if (change.kind === 'insert') {
        if (!this.byId.has(change.row.id)) this.byId.set(change.row.id, change.row);
        continue;
      }
      const row = this.byId.get(change.where.id);
      if (!row || !matches(row, change.where)) continue;
      if (change.kind === 'delete') this.byId.delete(row.id);
      else this.byId.set(row.id, { ...row, ...(typeof change.set === 'function' ? change.set(row) : change.set) });
    }
  }

  get size(): number {
    return this.byId.size;
  }

  rows(): IterableIterator<Row> {
    return this.byId.values();
  }
}
