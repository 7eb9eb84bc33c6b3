import { Module, type OnApplicationShutdown } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import type { DataSource } from 'typeorm';
import type { KeywardConfig } from '@keyward/config';
import { KEYWARD_CONFIG } from '@keyward/platform';
import { createReadModelDataSource, KeyQueries, runReadModelMigrations } from '@keyward/read-models';

const READ_MODELS = Symbol('READ_MODELS');

/** The gateway reads the key table the projector writes; migrating is idempotent and locked. */
@Module({
  providers: [
    {
      provide: READ_MODELS,
      inject: [KEYWARD_CONFIG],
      useFactory: async (config: KeywardConfig): Promise<DataSource> => {
        const dataSource = await createReadModelDataSource(config.databaseUrl).initialize();
        await runReadModelMigrations(dataSource);
        return dataSource;
      },
    },
    { provide: KeyQueries, inject: [READ_MODELS], useFactory: (dataSource: DataSource) => new KeyQueries(dataSource) },
  ],
  exports: [KeyQueries],
})
export class ReadModelsModule implements OnApplicationShutdown {
  constructor(private readonly moduleRef: ModuleRef) {}

  async onApplicationShutdown(): Promise<void> {
    await this.moduleRef.get<DataSource>(READ_MODELS).destroy();
  }
}
