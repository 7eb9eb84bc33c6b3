import type { RateLimit } from '@keyward/contracts';
import { IpAllowlistMatcher } from '@keyward/domain';
import { SharedValues } from './shared-values';

/** A key's rate limit as the rate limiter reads it. */
export interface IndexedRateLimit {
  readonly limit: number;
  readonly windowMs: number;
}

/** The limits of the keys that have any, by key slot, as a snapshot holds them. */
export interface KeyLimitColumns {
  readonly rateLimits: readonly (readonly [slot: number, limit: number, windowSeconds: number])[];
  readonly ipAllowlists: readonly (readonly [slot: number, entries: readonly string[]])[];
}

/**
 * Rate limits and IP allowlists by key slot, kept sparsely: most keys have neither, and a key
 * without costs no byte here (a column per key would cost every key a slot). Equal limits and
 * lists are shared, as keys of one service tend to carry the same ones: a parsed list is some
 * 700 bytes, a shared one a map entry; one no key holds any more is let go.
 */
export class KeyLimits {
  private readonly rateLimits = new SharedValues<IndexedRateLimit>();
  private readonly allowlists = new SharedValues<IpAllowlistMatcher>();

  static of(columns: KeyLimitColumns): KeyLimits {
    const limits = new KeyLimits();
    for (const [slot, limit, windowSeconds] of columns.rateLimits) limits.setRateLimit(slot, { limit, windowSeconds });
    for (const [slot, entries] of columns.ipAllowlists) limits.setAllowlist(slot, IpAllowlistMatcher.of(entries) ?? null);
    return limits;
  }

  rateLimitOf(slot: number): IndexedRateLimit | null {
    return this.rateLimits.of(slot) ?? null;
  }

  allowlistOf(slot: number): IpAllowlistMatcher | null {
    return this.allowlists.of(slot) ?? null;
  }

  setRateLimit(slot: number, ratelimit: RateLimit | null): void {
    if (ratelimit === null) return this.rateLimits.delete(slot);
    const { limit, windowSeconds } = ratelimit;
    this.rateLimits.set(slot, `${limit}/${windowSeconds}`, () => ({ limit, windowMs: windowSeconds * 1_000 }));
  }

  setAllowlist(slot: number, allowlist: IpAllowlistMatcher | null): void {
    if (allowlist === null) return this.allowlists.delete(slot);
    // Entries are normalised, and no entry holds a space.
    this.allowlists.set(slot, allowlist.entries.join(' '), () => allowlist);
  }

  /** A revoked key answers REVOKED before any limit is looked at. */
  forget(slot: number): void {
    this.rateLimits.delete(slot);
    this.allowlists.delete(slot);
  }

  columns(): KeyLimitColumns {
    return {
      rateLimits: [...this.rateLimits.entries()].map(([slot, { value }]) => [slot, value.limit, value.windowMs / 1_000] as const),
      ipAllowlists: [...this.allowlists.entries()].map(([slot, { value }]) => [slot, [...value.entries]] as const),
    };
  }
}
