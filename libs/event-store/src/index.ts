export * from './position';
export * from './event-store.port';
export * from './concurrency.error';
