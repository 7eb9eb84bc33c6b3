import { DataSource, type MigrationInterface } from 'typeorm';
import { CheckpointRow } from './checkpoints/checkpoint.entity';
import { CredentialRow } from './credentials/credential-row.entity';
import { IdentityRow } from './identities/identity-row.entity';
import { KeyRow } from './keys/key-row.entity';
import { CreateKeyTable1763860000000 } from './migrations/1763860000000-create-key-table';
import { AddKeyShares1763900000000 } from './migrations/1763900000000-add-key-shares';
import { CreateRoleTable1763900000001 } from './migrations/1763900000001-create-role-table';
import { CreateWorkspaceTable1763900000002 } from './migrations/1763900000002-create-workspace-table';
import { ReplayReadModels1763900000003 } from './migrations/1763900000003-replay-read-models';
import { IndexKeyListFilters1764000000000 } from './migrations/1764000000000-index-key-list-filters';
import { AddKeyLimits1764100000000 } from './migrations/1764100000000-add-key-limits';
import { CreateUsageTables1765000000000 } from './migrations/1765000000000-create-usage-tables';
import { CreateEventChain1766000000000 } from './migrations/1766000000000-create-event-chain';
import { CreateCredentialDataKeys1767000000000 } from './migrations/1767000000000-create-credential-data-keys';
import { CreateCredentialTable1767000000001 } from './migrations/1767000000001-create-credential-table';
import { CreateWebhookTables1768300000000 } from './migrations/1768300000000-create-webhook-tables';
import { CreateKeyReminders1768400000000 } from './migrations/1768400000000-create-key-reminders';
import { CreateRateLimitNotices1768400000001 } from './migrations/1768400000001-create-rate-limit-notices';
import { WebhookDeliveryUpkeep1768500000000 } from './migrations/1768500000000-webhook-delivery-upkeep';
import { AddKeyCreditsLimitsMeta1768600000000 } from './migrations/1768600000000-add-key-credits-limits-meta';
import { CreateIdentityTable1769100000000 } from './migrations/1769100000000-create-identity-table';
import { RoleRow } from './roles/role-row.entity';
import { KeyUsageRow } from './usage/key-usage-row.entity';
import { WebhookRow } from './webhooks/webhook-row.entity';
import { WorkspaceRow } from './workspaces/workspace-row.entity';

export const readModelEntities = [KeyRow, RoleRow, WorkspaceRow, CredentialRow, WebhookRow, IdentityRow, CheckpointRow, KeyUsageRow];
/** In the order they run; each in its own transaction. */
export const readModelMigrations = [
  CreateKeyTable1763860000000,
  AddKeyShares1763900000000,
  CreateRoleTable1763900000001,
  CreateWorkspaceTable1763900000002,
  ReplayReadModels1763900000003,
  IndexKeyListFilters1764000000000,
  AddKeyLimits1764100000000,
  CreateUsageTables1765000000000,
  CreateEventChain1766000000000,
  CreateCredentialDataKeys1767000000000,
  CreateCredentialTable1767000000001,
  CreateWebhookTables1768300000000,
  CreateKeyReminders1768400000000,
  CreateRateLimitNotices1768400000001,
  WebhookDeliveryUpkeep1768500000000,
  AddKeyCreditsLimitsMeta1768600000000,
  CreateIdentityTable1769100000000,
];

export interface ReadModelDataSourceOptions {
  readonly poolSize?: number;
  /** Of other tables in this database that share its migrations table (the gateway's idempotency records). */
  readonly moreMigrations?: readonly (new () => MigrationInterface)[];
}

/** Schema changes go through migrations only; `synchronize` would drift from them silently. */
export const createReadModelDataSource = (url: string, options: ReadModelDataSourceOptions = {}): DataSource =>
  new DataSource({
    type: 'postgres',
    url,
    entities: readModelEntities,
    migrations: [...readModelMigrations, ...(options.moreMigrations ?? [])],
    migrationsTableName: 'read_model_migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    logging: false,
    // A server that neither answers nor refuses fails the query (503) rather than holding the request.
    connectTimeoutMS: 5_000,
    // Keepalive: a connection whose server vanished fails in about a minute rather than hanging for hours.
    extra: { max: options.poolSize ?? 5, keepAlive: true, keepAliveInitialDelayMillis: 10_000 },
  });
