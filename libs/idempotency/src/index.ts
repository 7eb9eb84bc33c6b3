export * from './idempotency.store';
export * from './idempotency.migrations';
