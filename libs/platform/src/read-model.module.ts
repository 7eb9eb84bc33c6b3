import { Global, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import type { KeywardConfig } from '@keyward/config';
import { idempotencyMigrations, IdempotencyStore } from '@keyward/idempotency';
import { sessionMigrations } from '@keyward/sessions';
import { ApiKeyUserQueries, createReadModelDataSource, KeyQueries, type CreditBalances, RoleQueries, runReadModelMigrations, UsageQueries, WorkspaceQueries } from '@keyward/read-models';
import { HealthChecks, reachable } from './observability/health/health-checks';
import { CREDIT_BALANCES, KEYWARD_CONFIG, READ_MODEL_DATA_SOURCE } from './tokens';

/**
 * The read models in PostgreSQL and the queries over them, and in the same database the gateway's
 * record of Idempotency-Keys (@keyward/idempotency) and the console's sessions (@keyward/sessions). Migrating is idempotent and locked, so
 * whichever service starts first creates the tables. Needs `PlatformModule`.
 */
@Global()
@Module({
  providers: [
    {
      provide: READ_MODEL_DATA_SOURCE,
      inject: [KEYWARD_CONFIG],
      useFactory: async (config: KeywardConfig): Promise<DataSource> => {
        const dataSource = await createReadModelDataSource(config.databaseUrl, { moreMigrations: [...idempotencyMigrations, ...sessionMigrations] }).initialize();
        await runReadModelMigrations(dataSource);
        return dataSource;
      },
    },
    {
      provide: KeyQueries,
      inject: [READ_MODEL_DATA_SOURCE, { token: CREDIT_BALANCES, optional: true }],
      useFactory: (dataSource: DataSource, balances?: CreditBalances) => new KeyQueries(dataSource, balances),
    },
    ...[RoleQueries, WorkspaceQueries, ApiKeyUserQueries, UsageQueries, IdempotencyStore].map((Queries) => ({
      provide: Queries,
      inject: [READ_MODEL_DATA_SOURCE],
      useFactory: (dataSource: DataSource) => new Queries(dataSource),
    })),
  ],
  exports: [READ_MODEL_DATA_SOURCE, KeyQueries, RoleQueries, WorkspaceQueries, ApiKeyUserQueries, UsageQueries, IdempotencyStore],
})
export class ReadModelModule implements OnApplicationShutdown {
  constructor(@Inject(READ_MODEL_DATA_SOURCE) private readonly dataSource: DataSource, keys: KeyQueries, health: HealthChecks) {
    health.register('database', reachable(() => keys.ping()));
  }

  async onApplicationShutdown(): Promise<void> {
    await this.dataSource.destroy();
  }
}
