import { Global, Module } from '@nestjs/common';
import type { NatsConnection } from 'nats';
import type { Credits, CreditsView } from '@keyward/contracts';
import { creditsSetting, jetStreamCreditCountStore, readCreditBalance } from '@keyward/credits';
import { CREDIT_BALANCES, NATS_CONNECTION } from '@keyward/platform';
import type { CreditBalances } from '@keyward/read-models';

/** A read of the shared count waits no longer than this; then the balance as set, marked degraded. */
const BALANCE_READ_TIMEOUT_MS = 1_000;

/**
 * The live credit balances the key and identity views show, read from the verifiers' shared count
 * (`keyward-credits`) on the gateway's NATS connection. Global, so the read-model queries find it.
 */
@Global()
@Module({
  providers: [
    {
      provide: CREDIT_BALANCES,
      inject: [NATS_CONNECTION],
      useFactory: (nats: NatsConnection): CreditBalances => {
        const store = jetStreamCreditCountStore(nats, { timeoutMs: BALANCE_READ_TIMEOUT_MS });
        return {
          liveView: async (ownerId: string, credits: Credits, generation: number, setAt: string, now: number): Promise<CreditsView> => {
            const balance = await readCreditBalance(store, ownerId, creditsSetting(credits, generation, setAt), now);
            return { ...credits, remaining: balance.remaining, ...(balance.degraded && { degraded: true }) };
          },
        };
      },
    },
  ],
  exports: [CREDIT_BALANCES],
})
export class CreditBalancesModule {}
