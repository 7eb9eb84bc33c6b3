import { Transport, type NatsOptions } from '@nestjs/microservices';
import type { KeywardConfig } from '@keyward/config';
import { TolerantNatsDeserializer } from './tolerant-nats.deserializer';

/** `@nestjs/microservices` NATS transport; a queue group makes replicas share the work, and a body that is not JSON cannot end the process. */
export const natsMicroserviceOptions = (config: KeywardConfig, queue?: string): NatsOptions => ({
  transport: Transport.NATS,
  options: { servers: [config.natsUrl], ...(queue ? { queue } : {}), maxReconnectAttempts: -1, deserializer: new TolerantNatsDeserializer() },
});
