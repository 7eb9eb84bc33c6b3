import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';

/**
 * Inserts each row unless one with its key exists (`ON CONFLICT DO NOTHING`). Creation events use
 * it so that replaying an event the table already holds — a batch whose commit was acknowledged
 * too late, replayed from an older checkpoint — changes nothing instead of failing forever.
 */
export const insertOnce = async <Row extends ObjectLiteral>(manager: EntityManager, entity: EntityTarget<Row>, rows: readonly Row[]): Promise<void> => {
  // Whole rows; typed so because TypeORM's deep-partial type never ends on a recursive JSON column (metadata).
  await manager.createQueryBuilder().insert().into(entity).values(rows as unknown as QueryDeepPartialEntity<Row>[]).orIgnore().execute();
};
