// `@keyward/event-store/eventstoredb`: the EventStoreDB/KurrentDB adapter (loads `@eventstore/db-client`).
export * from './eventstoredb/eventstoredb-event-store';
