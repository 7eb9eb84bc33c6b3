export * from './position';
export * from './event-store.port';
export * from './concurrency.error';
export * from './postgres/postgres-event-store';
export { ensureEventStoreSchema } from './postgres/event-store.schema';
export type { PendingAppend } from './postgres/append-to-stream';
export * from './eventstoredb/eventstoredb-event-store';
