import { Transport, type NatsOptions } from '@nestjs/microservices';
import type { KeywardConfig } from '@keyward/config';

/** `@nestjs/microservices` NATS transport; a queue group makes replicas share the work. */
export const natsMicroserviceOptions = (config: KeywardConfig, queue?: string): NatsOptions => ({
  transport: Transport.NATS,
  options: { servers: [config.natsUrl], ...(queue ? { queue } : {}), maxReconnectAttempts: -1 },
});
