import type { Provider } from '@nestjs/common';
import type { CreditSpending } from '@keyward/key-index';

/** The credit ledger the verify path spends from (libs/credits' `CreditLedger` over the `keyward-credits` bucket). */
export const CREDIT_LEDGER = Symbol('CREDIT_LEDGER');

/**
 * Until the ledger is wired here, no balance can be known: a key with credits answers UNAVAILABLE
 * (credits fail closed), never VALID uncounted. Keys without credits never ask it.
 */
const unknownBalances: CreditSpending = { spend: () => ({ outcome: 'unavailable' }) };

export const creditLedgerProvider: Provider = { provide: CREDIT_LEDGER, useValue: unknownBalances };
