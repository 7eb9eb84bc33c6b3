import type { Request } from 'express';
import type { RequestIdempotency } from '@keyward/contracts';
import type { ConsoleSession } from '@keyward/sessions';
import type { Principal } from '../auth/principal';

/** What the gateway learns about a request before a controller sees it. */
export interface GatewayRequest extends Request {
  /** The body's bytes as received, kept by the JSON body parser: what a leak report's signature covers. */
  rawBody?: Buffer;
  /** Set by the request-id middleware on every request. */
  correlationId?: string;
  /** Set by the bearer guard on every authenticated route. */
  principal?: Principal;
  /** Set by the guard when the console's session cookie authenticated the request; `id` is the cookie's value. */
  session?: ConsoleSession & { readonly id: string };
  /** Set by the idempotency interceptor on a write that sent `Idempotency-Key`; travels with the command. */
  idempotency?: RequestIdempotency;
}
