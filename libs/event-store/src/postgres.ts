// `@keyward/event-store/postgres`: the PostgreSQL adapter (loads `pg`).
export * from './postgres/postgres-event-store';
export { ensureEventStoreSchema, eventTablesOf } from './postgres/event-store.schema';
export { inTransaction } from './postgres/in-transaction';
