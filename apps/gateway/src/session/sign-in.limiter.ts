import { AddressThrottle } from '../http/address-throttle';

/** Failed sign-ins an address may make per window before it must wait. */
export const SIGN_IN_FAILURES_ALLOWED = 10;
export const SIGN_IN_WINDOW_MS = 5 * 60_000;

/** Slows guessing at the sign-in: after 10 failures in 5 minutes an address gets 429 until its window ends; successes do not count. */
export class SignInLimiter extends AddressThrottle {
  constructor(allowed = SIGN_IN_FAILURES_ALLOWED, windowMs = SIGN_IN_WINDOW_MS) {
    super(allowed, windowMs);
  }
}
