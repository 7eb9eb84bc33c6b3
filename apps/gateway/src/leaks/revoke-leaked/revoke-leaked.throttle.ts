import { AddressThrottle } from '../../http/address-throttle';

/** Requests an address may make per window; a holder needs one. */
export const REVOKE_LEAKED_ALLOWED = 10;
export const REVOKE_LEAKED_WINDOW_MS = 60_000;

/** Every request counts, whatever its key: a stream of guesses gets 429 as quickly as a stream of real keys. */
export class RevokeLeakedThrottle extends AddressThrottle {
  constructor(allowed = REVOKE_LEAKED_ALLOWED, windowMs = REVOKE_LEAKED_WINDOW_MS) {
    super(allowed, windowMs);
  }
}
