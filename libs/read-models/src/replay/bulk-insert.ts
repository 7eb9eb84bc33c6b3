import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';

/**
 * Inserts rows into `table` (the entity's, or a copy of it) in one statement with one parameter: the rows as JSON, unpacked by
 * `jsonb_to_recordset` into the entity's own columns and types (its metadata, the one home of
 * the mapping). TypeORM's insert binds every value separately, which made writing a replay's
 * rows most of its time. Dates travel as ISO strings, exact to the millisecond they hold.
 */
export const bulkInsert = async <Row extends ObjectLiteral>(manager: EntityManager, entity: EntityTarget<Row>, table: string, rows: readonly Row[]): Promise<void> => {
  const { driver } = manager.connection;
  const metadata = manager.connection.getMetadata(entity);
  const names = metadata.columns.map((c) => driver.escape(c.databaseName)).join(', ');
  const types = metadata.columns.map((c) => `${driver.escape(c.databaseName)} ${driver.normalizeType(c)}`).join(', ');
  const json = JSON.stringify(rows.map((row) => Object.fromEntries(metadata.columns.map((c) => [c.databaseName, c.getEntityValue(row) ?? null]))));
  await manager.query(`INSERT INTO ${driver.escape(table)} (${names}) SELECT ${names} FROM jsonb_to_recordset($1::jsonb) AS r(${types})`, [json]);
};
