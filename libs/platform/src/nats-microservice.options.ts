import { Transport, type NatsOptions } from '@nestjs/microservices';
import type { KeywardConfig } from '@keyward/config';
import { TolerantNatsDeserializer } from './tolerant-nats.deserializer';

/**
 * Every NATS connection of a service (raw or the framework's) reconnects forever, and soon: a
 * restarted server is back in use within half a second, well inside the 5 s promised for writes.
 */
export const NATS_RECONNECT = { maxReconnectAttempts: -1, reconnectTimeWait: 500 } as const;

/**
 * `@nestjs/microservices` NATS transport as a server (key-command's commands, followers' notices;
 * what services send goes on their raw connection): a queue group makes replicas share the work,
 * and a body that is not JSON cannot end the process.
 */
export const natsMicroserviceOptions = (config: KeywardConfig, queue?: string): NatsOptions => ({
  transport: Transport.NATS,
  options: { servers: [config.natsUrl], ...NATS_RECONNECT, ...(queue ? { queue } : {}), deserializer: new TolerantNatsDeserializer() },
});
