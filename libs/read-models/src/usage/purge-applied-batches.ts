import type { DataSource } from 'typeorm';
import { uuidV7Floor } from '@keyward/domain';

/**
 * Forgets the ids of batches applied before `beforeMs`. A batch can only come again while the
 * usage stream still holds it (a week at most), so an id older than that guards nothing. Batch
 * ids are UUID v7, ordered by time, so the primary key finds them without a scan.
 */
export const purgeAppliedBatches = async (dataSource: DataSource, beforeMs: number): Promise<number> => {
  const [, deleted] = (await dataSource.query(`DELETE FROM usage_batches WHERE batch_id < $1`, [uuidV7Floor(beforeMs)])) as [unknown, number];
  return deleted;
};
