// `@keyward/event-store/postgres`: the PostgreSQL adapter (loads `pg`).
export * from './postgres/postgres-event-store';
export { ensureEventStoreSchema } from './postgres/event-store.schema';
