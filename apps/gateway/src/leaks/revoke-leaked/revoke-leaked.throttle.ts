import { AddressThrottle } from '../../http/address-throttle';

/** Requests an address may make per minute unless `KEYWARD_REVOKE_LEAKED_PER_MINUTE` says otherwise; a holder needs one. */
export const REVOKE_LEAKED_PER_MINUTE = 10;
export const REVOKE_LEAKED_PER_MINUTE_ENV = 'KEYWARD_REVOKE_LEAKED_PER_MINUTE';
const WINDOW_MS = 60_000;

/** Every request counts, whatever its key: a stream of guesses gets 429 as quickly as a stream of real keys. */
export class RevokeLeakedThrottle extends AddressThrottle {
  /** From the environment; a value that is no positive whole number stops the gateway rather than limiting nothing. */
  static fromEnv(env: NodeJS.ProcessEnv): RevokeLeakedThrottle {
    const raw = env[REVOKE_LEAKED_PER_MINUTE_ENV];
    const perMinute = raw === undefined || raw === '' ? REVOKE_LEAKED_PER_MINUTE : Number(raw);
    if (!Number.isInteger(perMinute) || perMinute < 1) throw new Error(`${REVOKE_LEAKED_PER_MINUTE_ENV} must be a whole number of requests per minute, at least 1`);
    return new RevokeLeakedThrottle(perMinute, WINDOW_MS);
  }
}
