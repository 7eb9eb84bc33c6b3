import type { CreditRefill, CreditRefillInterval, Credits, CreditsGeneration } from '@keyward/contracts';

/** One generation of an owner's credits (a key's own, or its identity's) as the history set it. */
export interface CreditsSetting {
  readonly remaining: number;
  readonly refill?: CreditRefill;
  readonly generation: CreditsGeneration;
  /** When this generation was set (its event's time), epoch ms: refills count from the first boundary after it. */
  readonly setAtMs: number;
}

/**
 * The setting as the history gives it: the credits, their generation, and the time in the event
 * that set them (`createdAt` of KeyCreated/IdentityCreated, `changedAt` of KeyCreditsChanged/
 * IdentityChanged), so that every verifier and the gateway derive the same refill periods.
 */
export const creditsSetting = (credits: Credits, generation: CreditsGeneration, setAt: string): CreditsSetting => ({
  remaining: credits.remaining,
  ...(credits.refill ? { refill: credits.refill } : {}),
  generation,
  setAtMs: Date.parse(setAt),
});

/** What a balance is granted against: a generation, and the refill period (`null`: the balance as set, no refill yet). */
export interface CreditBasis {
  readonly generation: CreditsGeneration;
  readonly periodStartMs: number | null;
}

/** The shared spend count of one owner: what verifies spent against `basis`, across every replica. */
export interface CreditCount {
  readonly basis: CreditBasis;
  readonly spent: number;
}

/** Where a replica stands against the shared count: its count and balance, or behind a generation its index does not know yet. */
export type CreditPosition = { readonly kind: 'current'; readonly count: CreditCount; readonly balance: number } | { readonly kind: 'behind' };

const DAY_MS = 86_400_000;

/** The start of the refill period `now` is in: UTC midnight, or the first of the month at 00:00 UTC. */
export const periodStartAt = (interval: CreditRefillInterval, now: number): number => {
  if (interval === 'daily') return Math.floor(now / DAY_MS) * DAY_MS;
  const day = new Date(now);
  return Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), 1);
};

/**
 * The basis at `now`: the balance as set until a refill boundary has passed since the generation
 * was set, then the current period. Derived from the clock alone, so every replica (and every
 * restart) names the same basis, and a refill is never "run": it happens once per period by construction.
 */
export const basisAt = (setting: CreditsSetting, now: number): CreditBasis => {
  const start = setting.refill ? periodStartAt(setting.refill.interval, now) : null;
  return { generation: setting.generation, periodStartMs: start !== null && start > setting.setAtMs ? start : null };
};

/** What the basis grants: `remaining` as set, or the refill `amount` (a refill sets the balance, it does not add to it). */
export const grantOf = (setting: CreditsSetting, basis: CreditBasis): number =>
  basis.periodStartMs === null ? setting.remaining : (setting.refill?.amount ?? 0);

/** Bases in the order they follow one another: generation first, then period (`null`, as set, before every period). */
export const compareBases = (a: CreditBasis, b: CreditBasis): number => {
  if (a.generation !== b.generation) return a.generation < b.generation ? -1 : 1;
  if (a.periodStartMs === b.periodStartMs) return 0;
  if (a.periodStartMs === null) return -1;
  if (b.periodStartMs === null) return 1;
  return a.periodStartMs < b.periodStartMs ? -1 : 1;
};

/**
 * The count that applies at `now` against the stored one: the stored count while its basis is the
 * replica's own; a fresh count (nothing spent) once the stored basis is older (a new generation, or
 * a refill boundary passed); the stored count of a later period of this generation (another
 * replica's clock is ahead: counts never go back); `behind` for a newer generation (this replica's
 * index has not applied the change yet, so it must not answer).
 */
export const creditPosition = (stored: CreditCount | undefined, setting: CreditsSetting, now: number): CreditPosition => {
  if (stored && stored.basis.generation > setting.generation) return { kind: 'behind' };
  const own = basisAt(setting, now);
  const count = stored && compareBases(stored.basis, own) >= 0 ? stored : { basis: own, spent: 0 };
  return { kind: 'current', count, balance: Math.max(0, grantOf(setting, count.basis) - count.spent) };
};
