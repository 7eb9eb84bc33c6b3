import { Inject, Injectable } from '@nestjs/common';
import type { IdentityView } from '@keyward/contracts';
import { BusinessClock, CREDIT_BALANCES } from '@keyward/platform';
import { creditsViewOf, IdentityQueries, identityView, type CreditBalances, type IdentityRecord } from '@keyward/read-models';

/** Identities as the API shows them: each with its count of live keys (one query per page) and its credits' live balance. */
@Injectable()
export class IdentityViews {
  constructor(
    private readonly identities: IdentityQueries,
    @Inject(CREDIT_BALANCES) private readonly balances: CreditBalances,
    private readonly clock: BusinessClock,
  ) {}

  async show(workspaceId: string, records: readonly IdentityRecord[]): Promise<IdentityView[]> {
    // Business time, as the verifiers spend on it: a refill shows when they apply it.
    const now = this.clock.now();
    const [counts, credits] = await Promise.all([
      this.identities.keyCounts(workspaceId, records.map((r) => r.id)),
      Promise.all(records.map((r) => creditsViewOf(this.balances, r.id, r.credits, r.creditsGeneration, r.creditsSetAt, now))),
    ]);
    return records.map((r, i) => identityView(r, counts.get(r.id) ?? 0, credits[i]));
  }

  async one(workspaceId: string, record: IdentityRecord): Promise<IdentityView> {
    const [view] = await this.show(workspaceId, [record]);
    return view;
  }
}
