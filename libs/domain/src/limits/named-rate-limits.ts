import { MAX_NAMED_RATE_LIMITS, type NamedRateLimit } from '@keyward/contracts';
import { validationError } from '../domain.error';
import { validRateLimit } from '../keys/rate-limit';

/** Letters, digits, `_` and `-`: safe in a shared counter's name and in a URL. */
export const NAMED_RATE_LIMIT_NAME = /^[A-Za-z0-9_-]{1,64}$/;

/**
 * Untrusted input as a key's or an identity's named limits (product.md 9.2a): at most
 * MAX_NAMED_RATE_LIMITS, names unique, each limit and window in the single `ratelimit`'s range.
 */
export const validNamedRateLimits = (raw: unknown, field = 'ratelimits'): readonly NamedRateLimit[] => {
  if (!Array.isArray(raw)) throw validationError(field, `${field} must be an array of { name, limit, windowSeconds, autoApply? }`);
  if (raw.length > MAX_NAMED_RATE_LIMITS) throw validationError(field, `at most ${MAX_NAMED_RATE_LIMITS} named limits`);
  const names = new Set<string>();
  return raw.map((entry: unknown, i) => {
    const at = `${field}[${i}]`;
    const { limit, windowSeconds } = validRateLimit(entry, at);
    const { name, autoApply } = entry as Record<string, unknown>;
    if (typeof name !== 'string' || !NAMED_RATE_LIMIT_NAME.test(name)) throw validationError(`${at}.name`, 'name must be 1 to 64 letters, digits, _ or -');
    if (names.has(name)) throw validationError(`${at}.name`, `the name ${name} is used twice`);
    names.add(name);
    if (autoApply !== undefined && typeof autoApply !== 'boolean') throw validationError(`${at}.autoApply`, 'autoApply must be a boolean');
    // Applied by default: a limit set and then never checked would grant more than was asked for.
    return { name, limit, windowSeconds, autoApply: autoApply ?? true };
  });
};

export const sameNamedRateLimits = (a: readonly NamedRateLimit[], b: readonly NamedRateLimit[]): boolean =>
  a.length === b.length &&
  a.every((x, i) => x.name === b[i].name && x.limit === b[i].limit && x.windowSeconds === b[i].windowSeconds && x.autoApply === b[i].autoApply);
