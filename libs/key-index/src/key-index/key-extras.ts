import type { JsonObject, NamedRateLimit } from '@keyward/contracts';
import type { CreditsSetting } from '@keyward/credits';
import { NO_NAMED_LIMITS } from './index-event.parser';

/** A named limit as the limiter reads it. */
export interface IndexedNamedLimit {
  readonly name: string;
  readonly limit: number;
  readonly windowMs: number;
  readonly autoApply: boolean;
  /** Its shared count: `<owner id>.<name>`, which no key id (no dot in any) and no other owner's name can be. */
  readonly counterId: string;
}

/** Credits and whose they are: the key's own, or its identity's (shared by all its keys). */
export interface IndexedCredits {
  readonly ownerId: string;
  readonly setting: CreditsSetting;
}

const NO_LIMITS: readonly IndexedNamedLimit[] = Object.freeze([]);

/** An owner's (a key's or an identity's) named limits, each with the counter it counts in. */
export const indexedNamedLimits = (ownerId: string, limits: readonly NamedRateLimit[]): readonly IndexedNamedLimit[] =>
  limits.length === 0
    ? NO_LIMITS
    : Object.freeze(limits.map(({ name, limit, windowSeconds, autoApply }) => Object.freeze({ name, limit, windowMs: windowSeconds * 1_000, autoApply, counterId: `${ownerId}.${name}` })));

/** Back to the history's shape, for a snapshot. */
export const namedLimitsOf = (limits: readonly IndexedNamedLimit[]): readonly NamedRateLimit[] =>
  limits.length === 0 ? NO_NAMED_LIMITS : limits.map(({ name, limit, windowMs, autoApply }) => ({ name, limit, windowSeconds: windowMs / 1_000, autoApply }));

/** What a key carries beyond the basics, as the index keeps it. */
export interface KeyExtra {
  readonly credits: IndexedCredits | null;
  readonly ratelimits: readonly IndexedNamedLimit[];
  /** `null` for `{}`. */
  readonly meta: JsonObject | null;
  readonly identityId: string | null;
  readonly disabled: boolean;
}

/** The key's own limits and its identity's, computed once per identity state (an identity change replaces its object). */
interface Merged {
  readonly identityLimits: readonly IndexedNamedLimit[];
  readonly limits: readonly IndexedNamedLimit[];
}

const NOTHING: KeyExtra = Object.freeze({ credits: null, ratelimits: NO_LIMITS, meta: null, identityId: null, disabled: false });

const isNothing = (e: KeyExtra): boolean => e.credits === null && e.ratelimits.length === 0 && e.meta === null && e.identityId === null && !e.disabled;

/**
 * Credits, named limits, metadata, identity and the disabled flag by key slot, kept sparsely like
 * `KeyLimits`: a key with none of them has no entry, so plain keys cost no byte and one map lookup.
 */
export class KeyExtras {
  private readonly bySlot = new Map<number, KeyExtra>();
  private readonly merged = new Map<number, Merged>();

  /** `NOTHING` (shared) for a key that carries none. */
  of(slot: number): KeyExtra {
    return this.bySlot.get(slot) ?? NOTHING;
  }

  change(slot: number, change: Partial<KeyExtra>): void {
    const next = { ...this.of(slot), ...change };
    this.merged.delete(slot);
    if (isNothing(next)) this.bySlot.delete(slot);
    else this.bySlot.set(slot, next);
  }

  /** The key's limits, and its identity's of names the key does not have (a key's limit overrides its identity's of the same name). */
  limitsOf(slot: number, extra: KeyExtra, identityLimits: readonly IndexedNamedLimit[]): readonly IndexedNamedLimit[] {
    if (identityLimits.length === 0) return extra.ratelimits;
    if (extra.ratelimits.length === 0) return identityLimits;
    const known = this.merged.get(slot);
    if (known?.identityLimits === identityLimits) return known.limits;
    const own = new Set(extra.ratelimits.map((l) => l.name));
    const limits = Object.freeze([...extra.ratelimits, ...identityLimits.filter((l) => !own.has(l.name))]);
    this.merged.set(slot, { identityLimits, limits });
    return limits;
  }

  /** A revoked key answers REVOKED before any of this is looked at. */
  forget(slot: number): void {
    this.bySlot.delete(slot);
    this.merged.delete(slot);
  }

  entries(): IterableIterator<[number, KeyExtra]> {
    return this.bySlot.entries();
  }
}
