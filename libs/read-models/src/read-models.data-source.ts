import { DataSource } from 'typeorm';
import { CheckpointRow } from './checkpoints/checkpoint.entity';
import { IdempotencyRecordRow } from './idempotency/idempotency-record.entity';
import { KeyRow } from './keys/key-row.entity';
import { CreateKeyTable1763860000000 } from './migrations/1763860000000-create-key-table';
import { AddKeyShares1763900000000 } from './migrations/1763900000000-add-key-shares';
import { CreateRoleTable1763900000001 } from './migrations/1763900000001-create-role-table';
import { CreateWorkspaceTable1763900000002 } from './migrations/1763900000002-create-workspace-table';
import { ReplayReadModels1763900000003 } from './migrations/1763900000003-replay-read-models';
import { CreateIdempotencyTable1764000000000 } from './migrations/1764000000000-create-idempotency-table';
import { AddIdempotencyPosition1764100000000 } from './migrations/1764100000000-add-idempotency-position';
import { RoleRow } from './roles/role-row.entity';
import { WorkspaceRow } from './workspaces/workspace-row.entity';

export const readModelEntities = [KeyRow, RoleRow, WorkspaceRow, CheckpointRow, IdempotencyRecordRow];
/** In the order they run; each in its own transaction. */
export const readModelMigrations = [
  CreateKeyTable1763860000000,
  AddKeyShares1763900000000,
  CreateRoleTable1763900000001,
  CreateWorkspaceTable1763900000002,
  ReplayReadModels1763900000003,
  CreateIdempotencyTable1764000000000,
  AddIdempotencyPosition1764100000000,
];

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
    // A server that neither answers nor refuses fails the query (503) rather than holding the request.
    connectTimeoutMS: 5_000,
    extra: { max: options.poolSize ?? 5 },
  });
