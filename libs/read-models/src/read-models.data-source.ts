import { DataSource } from 'typeorm';
import { CheckpointRow } from './checkpoints/checkpoint.entity';
import { KeyRow } from './keys/key-row.entity';
import { CreateKeyTable1763860000000 } from './migrations/1763860000000-create-key-table';

export const readModelEntities = [KeyRow, CheckpointRow];
export const readModelMigrations = [CreateKeyTable1763860000000];

/** Schema changes go through migrations only; `synchronize` would drift from them silently. */
export const createReadModelDataSource = (url: string, options: { poolSize?: number } = {}): DataSource =>
  new DataSource({
    type: 'postgres',
    url,
    entities: readModelEntities,
    migrations: readModelMigrations,
    migrationsTableName: 'read_model_migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    logging: false,
    extra: { max: options.poolSize ?? 5 },
  });
