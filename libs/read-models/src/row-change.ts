/** The columns that find a row: always its primary key `id`, sometimes more (a role's workspace). */
export type RowKey<Row extends { id: string }> = Pick<Row, 'id'> & Partial<Row>;

/**
 * What one event does to one table row, as data: the live projection runs it as SQL
 * (`applyRowChanges`), a replay on rows held in memory (`MemoryTable`). The rules live in the
 * functions that make these changes, once, whichever way they are applied.
 * - `insert`: the row unless one with its id exists (a replayed creation changes nothing);
 * - `update`: the columns of `set` on the row matching `where`, if any; `set` as a function of
 *   the current row when the change depends on it (a role added to a key's list);
 * - `delete`: the row matching `where`, if any.
 */
export type RowChange<Row extends { id: string }> =
  | { readonly kind: 'insert'; readonly row: Row }
  | { readonly kind: 'update'; readonly where: RowKey<Row>; readonly set: Partial<Row> | ((row: Row) => Partial<Row>) }
  | { readonly kind: 'delete'; readonly where: RowKey<Row> };
