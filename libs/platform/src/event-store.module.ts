import { Global, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import type { KeywardConfig } from '@keyward/config';
import type { EventStore } from '@keyward/event-store';
import type { Registry } from 'prom-client';
import { createEventStore } from './create-event-store';
import { HealthChecks, reachable } from './observability/health/health-checks';
import { meteredEventStore } from './observability/metrics/metered-event-store';
import { EVENT_STORE, KEYWARD_CONFIG, METRICS_REGISTRY } from './tokens';

/** The event store, for the services that append to or follow the history, its appends counted. Needs `PlatformModule`. */
@Global()
@Module({
  providers: [
    {
      provide: EVENT_STORE,
      inject: [KEYWARD_CONFIG, METRICS_REGISTRY],
      useFactory: async (config: KeywardConfig, registry: Registry) => meteredEventStore(await createEventStore(config), registry),
    },
  ],
  exports: [EVENT_STORE],
})
export class EventStoreModule implements OnApplicationShutdown {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore, health: HealthChecks) {
    health.register('eventStore', reachable(() => store.readAll({ maxCount: 1 })));
  }

  async onApplicationShutdown(): Promise<void> {
    await this.store.close();
  }
}
