import { Global, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import { ClientProxyFactory, type ClientProxy } from '@nestjs/microservices';
import type { KeywardConfig } from '@keyward/config';
import { natsClientOptions } from './nats-microservice.options';
import { BUS_CLIENT, KEYWARD_CONFIG } from './tokens';

/** A `@nestjs/microservices` client on the bus, for commands (send) and notices (emit). Needs `PlatformModule`. */
@Global()
@Module({
  providers: [{ provide: BUS_CLIENT, inject: [KEYWARD_CONFIG], useFactory: (config: KeywardConfig) => ClientProxyFactory.create(natsClientOptions(config)) }],
  exports: [BUS_CLIENT],
})
export class BusClientModule implements OnApplicationShutdown {
  constructor(@Inject(BUS_CLIENT) private readonly bus: ClientProxy) {}

  async onApplicationShutdown(): Promise<void> {
    await this.bus.close();
  }
}
