import type { Provider } from '@nestjs/common';
import { ClientProxyFactory } from '@nestjs/microservices';
import type { KeywardConfig } from '@keyward/config';
import { natsMicroserviceOptions } from './nats-microservice.options';
import { KEYWARD_CONFIG } from './tokens';

export const BUS_CLIENT = Symbol('BUS_CLIENT');

/** A `@nestjs/microservices` client on the bus, for commands (send) and notices (emit). */
export const busClientProvider: Provider = {
  provide: BUS_CLIENT,
  inject: [KEYWARD_CONFIG],
  useFactory: (config: KeywardConfig) => ClientProxyFactory.create(natsMicroserviceOptions(config)),
};
