export { GlobalRateLimiter, type GlobalRateLimiterOptions } from './global-rate-limiter';
export { JetStreamCounterStore, type JetStreamCounterStoreOptions } from './jetstream-counter.store';
export type { CounterStore, StoredCount } from './counter.store';
export type { KeyRateLimit, RateLimitDecision, WhenUnreachable } from './rate-limit-decision';
