import { Global, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import type { KeywardConfig } from '@keyward/config';
import type { EventStore } from '@keyward/event-store';
import { createEventStore } from './create-event-store';
import { EVENT_STORE, KEYWARD_CONFIG } from './tokens';

/** The event store, for the services that append to or follow the history. Needs `PlatformModule`. */
@Global()
@Module({
  providers: [{ provide: EVENT_STORE, inject: [KEYWARD_CONFIG], useFactory: (config: KeywardConfig) => createEventStore(config) }],
  exports: [EVENT_STORE],
})
export class EventStoreModule implements OnApplicationShutdown {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async onApplicationShutdown(): Promise<void> {
    await this.store.close();
  }
}
