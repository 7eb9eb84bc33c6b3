import type { KeywardConfig } from '@keyward/config';
import type { EventStore } from '@keyward/event-store';

/**
 * PostgreSQL by default; EventStoreDB/KurrentDB when `EVENTSTORE_URL` names one. Each adapter is
 * loaded only in its branch, so a service never loads the driver of a store it does not use.
 */
export const createEventStore = async (config: Pick<KeywardConfig, 'databaseUrl' | 'eventStoreUrl'>): Promise<EventStore> => {
  if (config.eventStoreUrl) {
    const { EventStoreDbEventStore } = await import('@keyward/event-store/eventstoredb');
    return EventStoreDbEventStore.fromConnectionString(config.eventStoreUrl);
  }
  const { PostgresEventStore } = await import('@keyward/event-store/postgres');
  return PostgresEventStore.fromConnectionString(config.databaseUrl);
};
