import type { KeywardConfig } from '@keyward/config';
import { EventStoreDbEventStore, PostgresEventStore, type EventStore } from '@keyward/event-store';

/** PostgreSQL by default; EventStoreDB/KurrentDB when `EVENTSTORE_URL` names one. */
export const createEventStore = (config: KeywardConfig): EventStore =>
  config.eventStoreUrl
    ? EventStoreDbEventStore.fromConnectionString(config.eventStoreUrl)
    : PostgresEventStore.fromConnectionString(config.databaseUrl);
