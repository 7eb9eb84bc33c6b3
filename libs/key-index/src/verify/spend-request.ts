import { MAX_NAMED_RATE_LIMITS, MAX_VERIFY_COST, type NamedRateLimitRequest } from '@keyward/contracts';
import { NAMED_RATE_LIMIT_NAME, wholeIn } from '@keyward/domain';

/** What a verify asks to spend: `cost` credits, and the named limits it names besides the autoApply ones (each with its cost). */
export interface SpendRequest {
  readonly cost: number;
  readonly ratelimits: readonly Required<NamedRateLimitRequest>[] | undefined;
}

/** Most verifies name neither: one shared request, not a new one each time. */
const DEFAULT_SPEND: SpendRequest = Object.freeze({ cost: 1, ratelimits: undefined });
const isCost = (value: unknown): value is number => wholeIn(value, 0, MAX_VERIFY_COST);

const costOf = (value: unknown): number | undefined => (value === undefined ? 1 : isCost(value) ? value : undefined);

/** A verify's `ratelimits`: each `{ name, cost? }`, names distinct; `null` when present but not that. */
const namedOf = (value: unknown): SpendRequest['ratelimits'] | null => {
  if (value === undefined) return undefined;
  if (!Array.isArray(value) || value.length > MAX_NAMED_RATE_LIMITS) return null;
  const named: Required<NamedRateLimitRequest>[] = [];
  for (const item of value as unknown[]) {
    if (typeof item !== 'object' || item === null || Array.isArray(item)) return null;
    const { name, cost } = item as { name?: unknown; cost?: unknown };
    const spent = costOf(cost);
    // A name no limit can have is MALFORMED, not merely unknown.
    if (typeof name !== 'string' || !NAMED_RATE_LIMIT_NAME.test(name) || spent === undefined || named.some((n) => n.name === name)) return null;
    named.push({ name, cost: spent });
  }
  return named;
};

/** A verify's `cost` (an integer 0..MAX_VERIFY_COST, default 1) and `ratelimits`; `undefined` (MALFORMED) when either is bad. */
export const parseSpendRequest = (cost: unknown, ratelimits: unknown): SpendRequest | undefined => {
  if (cost === undefined && ratelimits === undefined) return DEFAULT_SPEND;
  const credits = costOf(cost);
  const named = namedOf(ratelimits);
  return credits === undefined || named === null ? undefined : { cost: credits, ratelimits: named };
};
