import type { Provider } from '@nestjs/common';
import type { NatsConnection } from 'nats';
import type { VerifierConfig } from '@keyward/config';
import { NATS_CONNECTION } from '@keyward/platform';
import { GlobalRateLimiter, JetStreamCounterStore } from '@keyward/rate-limit';

/** Every verifier of an install counts in this one bucket (README "Rate limits"). */
export const RATE_LIMIT_BUCKET = 'keyward-ratelimit';
/** After the shared count failed, answer degraded at once for this long rather than wait on every verify. */
const UNREACHABLE_BACKOFF_MS = 1_000;

/** The global limiter over JetStream KV on the verifier's own NATS connection. */
export const rateLimiterProvider = (config: VerifierConfig): Provider => ({
  provide: GlobalRateLimiter,
  inject: [NATS_CONNECTION],
  useFactory: (nats: NatsConnection): GlobalRateLimiter =>
    new GlobalRateLimiter(new JetStreamCounterStore(nats, { bucket: RATE_LIMIT_BUCKET, timeoutMs: config.rateLimitTimeoutMs }), {
      budgetMs: config.rateLimitTimeoutMs,
      unreachableBackoffMs: UNREACHABLE_BACKOFF_MS,
    }),
});
