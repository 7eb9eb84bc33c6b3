import { Inject, Injectable } from '@nestjs/common';
import type { NatsConnection } from 'nats';
import type { Credits, CreditsGeneration, CreditsView } from '@keyward/contracts';
import { jetStreamCreditCountStore, readCreditBalance, type CreditCountStore } from '@keyward/credits';
import { BusinessClock, NATS_CONNECTION } from '@keyward/platform';

/** A read of the shared count slower than this shows the balance as set, `degraded`: a page of identities must not hang on NATS. */
const READ_TIMEOUT_MS = 500;

/**
 * Live balances for the API (`credits.remaining` of a key or an identity): the balance as set or
 * refilled, less what the verifiers spent since, from their shared count (`@keyward/credits`).
 * Business time, so a refill shows when the verifiers apply it (the test clock moves both).
 */
@Injectable()
export class CreditBalances {
  private readonly store: CreditCountStore;

  constructor(
    @Inject(NATS_CONNECTION) nats: NatsConnection,
    private readonly clock: BusinessClock,
  ) {
    this.store = jetStreamCreditCountStore(nats, { timeoutMs: READ_TIMEOUT_MS });
  }

  /** `ownerId`: the key's or identity's id, which names its count; `null` credits: none. */
  async of(ownerId: string, credits: Credits | null, generation: CreditsGeneration, setAt: string | null): Promise<CreditsView | null> {
    if (credits === null || setAt === null) return null;
    const balance = await readCreditBalance(this.store, ownerId, { ...credits, generation, setAtMs: Date.parse(setAt) }, this.clock.now());
    return { ...credits, ...balance };
  }
}
