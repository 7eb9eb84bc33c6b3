import type { Credits, CreditsView } from '@keyward/contracts';

/**
 * The live balance of a key's or an identity's credits: the verifiers spend them in a shared count
 * outside this database (libs/credits), so whoever can read that count (the gateway) supplies it.
 */
export interface CreditBalances {
  /** `credits` as set at `setAt` in `generation`, less what verifies spent since, refills applied. */
  liveView(ownerId: string, credits: Credits, generation: number, setAt: string, now: number): Promise<CreditsView>;
}

/** What the API shows of an owner's credits: live when a reader is given, as set otherwise (and at a past moment). */
export const creditsViewOf = async (
  balances: CreditBalances | undefined,
  ownerId: string,
  credits: Credits | null,
  generation: number,
  setAt: Date | string | null,
  now: number,
): Promise<CreditsView | null> => {
  if (credits === null || setAt === null || balances === undefined) return credits;
  return balances.liveView(ownerId, credits, generation, typeof setAt === 'string' ? setAt : setAt.toISOString(), now);
};
