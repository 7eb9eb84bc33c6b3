import { CreditRefillIntervals, type CreditRefill, type CreditRefillInterval, type Credits } from '@keyward/contracts';
import { validationError } from '../domain.error';
import { wholeIn } from './whole-number';

/** A balance or refill above this is refused: far beyond any plan, and exact as a JavaScript number. */
export const MAX_CREDITS = 1_000_000_000_000;

const isObject = (raw: unknown): raw is Record<string, unknown> => typeof raw === 'object' && raw !== null && !Array.isArray(raw);

const validRefill = (raw: unknown, field: string): CreditRefill => {
  if (!isObject(raw)) throw validationError(field, `${field} must be an object { interval, amount }`);
  const { interval, amount } = raw;
  if (!CreditRefillIntervals.includes(interval as CreditRefillInterval)) throw validationError(`${field}.interval`, `interval must be one of ${CreditRefillIntervals.join(', ')}`);
  if (!wholeIn(amount, 1, MAX_CREDITS)) throw validationError(`${field}.amount`, `amount must be an integer from 1 to ${MAX_CREDITS}`);
  return { interval: interval as CreditRefillInterval, amount };
};

/** Untrusted input as credits (product.md 9.2a), copied so the event shares nothing with the caller. */
export const validCredits = (raw: unknown, field = 'credits'): Credits => {
  if (!isObject(raw)) throw validationError(field, `${field} must be an object { remaining, refill? }`);
  const { remaining, refill } = raw;
  if (!wholeIn(remaining, 0, MAX_CREDITS)) throw validationError(`${field}.remaining`, `remaining must be an integer from 0 to ${MAX_CREDITS}`);
  return refill === undefined ? { remaining } : { remaining, refill: validRefill(refill, `${field}.refill`) };
};

/** Whether `value` is credits as this version writes them (where event data is read back). */
export const isCredits = (value: unknown): value is Credits => {
  try {
    validCredits(value);
    return true;
  } catch {
    return false;
  }
};
