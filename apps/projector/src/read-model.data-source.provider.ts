import type { Provider } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import type { KeywardConfig } from '@keyward/config';
import { KEYWARD_CONFIG } from '@keyward/platform';
import { createReadModelDataSource, runReadModelMigrations } from '@keyward/read-models';

export const READ_MODEL_DATA_SOURCE = Symbol('READ_MODEL_DATA_SOURCE');

/** The projector owns the read-model schema: it migrates before it projects. */
export const readModelDataSourceProvider: Provider = {
  provide: READ_MODEL_DATA_SOURCE,
  inject: [KEYWARD_CONFIG],
  useFactory: async (config: KeywardConfig): Promise<DataSource> => {
    const dataSource = await createReadModelDataSource(config.databaseUrl).initialize();
    await runReadModelMigrations(dataSource);
    return dataSource;
  },
};
