// The port and what travels with it; no driver. Each adapter has an entry point of its own
// (`@keyward/event-store/postgres`, `@keyward/event-store/eventstoredb`), so a service loads only
// the driver it uses.
export * from './position';
export * from './event-store.port';
export * from './event-filter';
export * from './concurrency.error';
export * from './chain/canonical-event';
