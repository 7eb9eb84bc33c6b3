import type { IncomingHttpHeaders } from 'node:http';
import type { VerifiedKey } from '../verified-key';

/**
 * The parts of an HTTP request (Express's, as NestJS's default platform hands it over) that the
 * guard reads, and where it puts the verified key.
 */
export interface KeywardRequest {
  readonly headers: IncomingHttpHeaders;
  /** Every header line as sent; Node keeps only the first of two `Authorization` headers in `headers`. */
  readonly rawHeaders?: readonly string[];
  readonly query: Readonly<Record<string, unknown>>;
  /** The route's parameters, e.g. `id` of `/workflows/:id`. */
  readonly params: Readonly<Record<string, string>>;
  /** The end client's address as Express sees it (mind `trust proxy` behind a proxy). */
  readonly ip?: string;
  /** Set by `KeywardGuard` once the key is VALID for the route; read it with `@KeyPrincipal()`. */
  keyPrincipal?: VerifiedKey;
}
