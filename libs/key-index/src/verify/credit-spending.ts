import type { CreditSetting } from '../key-index/index-event.parser';

/** What one spend did: `remaining` is the balance after it (granted), or as it stands (exceeded). */
export type CreditSpend = { readonly outcome: 'granted'; readonly remaining: number } | { readonly outcome: 'exceeded'; readonly remaining: number } | { readonly outcome: 'unavailable' };

/**
 * The credit ledger as the answer path uses it (libs/credits' `CreditLedger` in the verifier):
 * spends `cost` of an owner's (key's or identity's) balance exactly across replicas; `unavailable`
 * when it cannot know the balance (the shared count unreachable, or set by a newer generation than
 * this index knows), which answers UNAVAILABLE: credits fail closed.
 */
export interface CreditSpending {
  spend(ownerId: string, setting: CreditSetting, cost: number, now: number): CreditSpend | Promise<CreditSpend>;
}
