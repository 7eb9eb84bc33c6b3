import { Injectable } from '@nestjs/common';
import type { IdentityView } from '@keyward/contracts';
import { IdentityQueries, identityView, type IdentityRecord } from '@keyward/read-models';
import { CreditBalances } from '../credits/credit-balances';

/** Identities as the API shows them: each with its count of live keys (one query per page) and its credits' live balance. */
@Injectable()
export class IdentityViews {
  constructor(
    private readonly identities: IdentityQueries,
    private readonly balances: CreditBalances,
  ) {}

  async show(workspaceId: string, records: readonly IdentityRecord[]): Promise<IdentityView[]> {
    const [counts, credits] = await Promise.all([
      this.identities.keyCounts(workspaceId, records.map((r) => r.id)),
      Promise.all(records.map((r) => this.balances.of(r.id, r.credits, r.creditsGeneration, r.creditsSetAt))),
    ]);
    return records.map((r, i) => identityView(r, counts.get(r.id) ?? 0, credits[i]));
  }

  async one(workspaceId: string, record: IdentityRecord): Promise<IdentityView> {
    const [view] = await this.show(workspaceId, [record]);
    return view;
  }
}
