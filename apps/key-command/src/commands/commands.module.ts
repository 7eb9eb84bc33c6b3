import { Module } from '@nestjs/common';
import { ClientProxyFactory } from '@nestjs/microservices';
import type { KeywardConfig } from '@keyward/config';
import { KEYWARD_CONFIG, natsMicroserviceOptions } from '@keyward/platform';
import { AppendedPublisher, BUS_CLIENT } from './appended.publisher';

/** What every command handler needs besides its aggregate: the bus to announce appends on. */
@Module({
  providers: [
    {
      provide: BUS_CLIENT,
      inject: [KEYWARD_CONFIG],
      useFactory: (config: KeywardConfig) => ClientProxyFactory.create(natsMicroserviceOptions(config)),
    },
    AppendedPublisher,
  ],
  exports: [AppendedPublisher],
})
export class CommandsModule {}
