// `@keyward/event-store/postgres`: the PostgreSQL adapter (loads `pg`).
export * from './postgres/postgres-event-store';
export { ensureEventStoreSchema, eventTablesOf } from './postgres/event-store.schema';
export { checkOut } from './postgres/check-out';
