import type { CreditLedger } from '@keyward/credits';

/**
 * The credit ledger as the answer path uses it (`CreditLedger` in the verifier): spends `cost` of an
 * owner's (a key's or an identity's) balance exactly across replicas; `unavailable` answers
 * UNAVAILABLE: credits fail closed.
 */
export type CreditSpending = Pick<CreditLedger, 'spend'>;
