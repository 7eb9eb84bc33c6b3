import type { Provider } from '@nestjs/common';
import type { NatsConnection } from 'nats';
import type { VerifierConfig } from '@keyward/config';
import { CreditLedger, jetStreamCreditCountStore } from '@keyward/credits';
import { NATS_CONNECTION } from '@keyward/platform';

/** After the shared count did not answer, answer UNAVAILABLE at once for this long rather than wait on every verify. */
const UNREACHABLE_BACKOFF_MS = 1_000;

/**
 * The credit ledger over the `keyward-credits` bucket on the verifier's own NATS connection, with the
 * rate limiter's budget: one bound for every shared count a verify may wait on.
 */
export const creditLedgerProvider = (config: VerifierConfig): Provider => ({
  provide: CreditLedger,
  inject: [NATS_CONNECTION],
  useFactory: (nats: NatsConnection): CreditLedger =>
    new CreditLedger(jetStreamCreditCountStore(nats, { timeoutMs: config.rateLimitTimeoutMs }), {
      budgetMs: config.rateLimitTimeoutMs,
      // The store's request timeout: a write sent before the budget ran out has answered by then.
      writeSettleMs: config.rateLimitTimeoutMs,
      unreachableBackoffMs: UNREACHABLE_BACKOFF_MS,
    }),
});
