import { basisAt, creditPosition, grantOf, type CreditsSetting } from './credit-basis';
import type { CreditCountStore } from './credit-ledger';

export interface CreditBalance {
  readonly remaining: number;
  /** The shared count could not be read (unreachable, unreadable, or of a generation this reader does not know yet): `remaining` is the balance as set, an upper bound. */
  readonly degraded?: true;
}

/**
 * The live balance the API shows (`credits.remaining` of a key or an identity): the balance as set
 * or refilled, less what verifies spent since, read from the verifiers' shared count.
 */
export const readCreditBalance = async (store: CreditCountStore, ownerId: string, setting: CreditsSetting, now: number): Promise<CreditBalance> => {
  try {
    const stored = await store.read(ownerId);
    // An entry that cannot be read is not "nothing spent": degraded, as when unreachable.
    if (stored.state !== 'unreadable') {
      const position = creditPosition(stored.state === 'counted' ? stored.count : undefined, setting, now);
      if (position.kind === 'current') return { remaining: position.balance };
    }
  } catch {
    // Unreachable: the balance as set, said to be degraded.
  }
  return { remaining: grantOf(setting, basisAt(setting, now)), degraded: true };
};
