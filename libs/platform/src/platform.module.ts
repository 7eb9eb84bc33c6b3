import { Global, Inject, Logger, Module, type OnApplicationShutdown } from '@nestjs/common';
import { connect, type NatsConnection } from 'nats';
import { loadConfig, loadPepper, type KeywardConfig } from '@keyward/config';
import type { EventStore } from '@keyward/event-store';
import { createEventStore } from './create-event-store';
import { EVENT_STORE, KEYWARD_CONFIG, NATS_CONNECTION, PEPPER } from './tokens';

/**
 * What every service shares: configuration, one raw NATS connection (for plain-JSON subjects
 * that must not carry the framework envelope), the event store, and the pepper.
 * Providers are lazy: a service that injects none of them opens nothing.
 */
@Global()
@Module({
  providers: [
    { provide: KEYWARD_CONFIG, useFactory: (): KeywardConfig => loadConfig() },
    {
      provide: NATS_CONNECTION,
      inject: [KEYWARD_CONFIG],
      useFactory: (config: KeywardConfig): Promise<NatsConnection> =>
        connect({ servers: config.natsUrl, name: process.title, maxReconnectAttempts: -1 }),
    },
    { provide: EVENT_STORE, inject: [KEYWARD_CONFIG], useFactory: (config: KeywardConfig) => createEventStore(config) },
    { provide: PEPPER, inject: [KEYWARD_CONFIG], useFactory: (config: KeywardConfig): Buffer => loadPepper(config) },
  ],
  exports: [KEYWARD_CONFIG, NATS_CONNECTION, EVENT_STORE, PEPPER],
})
export class PlatformModule implements OnApplicationShutdown {
  private readonly logger = new Logger(PlatformModule.name);

  constructor(
    @Inject(NATS_CONNECTION) private readonly nats: NatsConnection,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  async onApplicationShutdown(): Promise<void> {
    await Promise.allSettled([this.nats.drain(), this.store.close()]).then((results) => {
      for (const r of results) if (r.status === 'rejected') this.logger.warn(`shutdown: ${String(r.reason)}`);
    });
  }
}
