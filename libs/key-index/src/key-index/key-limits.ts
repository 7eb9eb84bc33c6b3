import type { RateLimit } from '@keyward/contracts';
import { IpAllowlistMatcher } from '@keyward/domain';

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
 * 700 bytes, a shared one a map entry. What no key holds any more stays shared until restart,
 * bounded by the distinct limits and lists set since.
 */
export class KeyLimits {
  private readonly rateLimits = new Map<number, IndexedRateLimit>();
  private readonly allowlists = new Map<number, IpAllowlistMatcher>();
  private readonly sharedRateLimits = new Map<string, IndexedRateLimit>();
  private readonly sharedAllowlists = new Map<string, IpAllowlistMatcher>();

  static of(columns: KeyLimitColumns): KeyLimits {
    const limits = new KeyLimits();
    for (const [slot, limit, windowSeconds] of columns.rateLimits) limits.setRateLimit(slot, { limit, windowSeconds });
    for (const [slot, entries] of columns.ipAllowlists) limits.setAllowlist(slot, IpAllowlistMatcher.of(entries) ?? null);
    return limits;
  }

  rateLimitOf(slot: number): IndexedRateLimit | null {
    return this.rateLimits.get(slot) ?? null;
  }

  allowlistOf(slot: number): IpAllowlistMatcher | null {
    return this.allowlists.get(slot) ?? null;
  }

  setRateLimit(slot: number, ratelimit: RateLimit | null): void {
    if (ratelimit === null) {
      this.rateLimits.delete(slot);
      return;
    }
    const key = `${ratelimit.limit}/${ratelimit.windowSeconds}`;
    let shared = this.sharedRateLimits.get(key);
    if (!shared) this.sharedRateLimits.set(key, (shared = { limit: ratelimit.limit, windowMs: ratelimit.windowSeconds * 1_000 }));
    this.rateLimits.set(slot, shared);
  }

  setAllowlist(slot: number, allowlist: IpAllowlistMatcher | null): void {
    if (allowlist === null) {
      this.allowlists.delete(slot);
      return;
    }
    // Entries are normalised, and no entry holds a space.
    const key = allowlist.entries.join(' ');
    let shared = this.sharedAllowlists.get(key);
    if (!shared) this.sharedAllowlists.set(key, (shared = allowlist));
    this.allowlists.set(slot, shared);
  }

  /** A revoked key answers REVOKED before any limit is looked at. */
  forget(slot: number): void {
    this.rateLimits.delete(slot);
    this.allowlists.delete(slot);
  }

  columns(): KeyLimitColumns {
    return {
      rateLimits: [...this.rateLimits].map(([slot, { limit, windowMs }]) => [slot, limit, windowMs / 1_000] as const),
      ipAllowlists: [...this.allowlists].map(([slot, matcher]) => [slot, [...matcher.entries]] as const),
    };
  }
}
