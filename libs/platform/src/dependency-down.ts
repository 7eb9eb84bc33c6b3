/** Socket errors: the server refused, reset, or could not be reached at all. */
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ECONNABORTED', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);

/**
 * PostgreSQL SQLSTATEs of a server going away or not taking connections: class 08 (connection
 * exception), 57P01 admin_shutdown, 57P02 crash_shutdown, 57P03 cannot_connect_now, 53300
 * too_many_connections.
 */
const POSTGRES_DOWN = /^(08[0-9A-Z]{3}|57P0[123]|53300)$/;

/** `nats` error codes of a connection that is closed, closing or not (yet) connected. */
const NATS_CODES = new Set(['CONNECTION_CLOSED', 'CONNECTION_DRAINING', 'CONNECTION_REFUSED', 'CONNECTION_TIMEOUT', 'DISCONNECT']);

/** What `pg` and `pg-pool` say without a code when a connection ends or none can be had. */
const PG_MESSAGES = [
  /^Connection terminated/,
  /^timeout exceeded when trying to connect$/,
  /is not queryable$/,
  /^Cannot use a pool after calling end on the pool$/,
];

/** Wrappers (TypeORM's `driverError`, `cause`) are unwrapped this deep at most. */
const MAX_DEPTH = 5;

const fieldOf = (value: object, name: string): unknown => (name in value ? (value as Record<string, unknown>)[name] : undefined);

/** `error` and what it wraps (TypeORM's `QueryFailedError.driverError`, `Error.cause`), outermost first. */
function* wrapped(error: unknown): Generator<object> {
  let current: unknown = error;
  for (let depth = 0; depth < MAX_DEPTH && typeof current === 'object' && current !== null; depth++) {
    yield current;
    current = fieldOf(current, 'driverError') ?? fieldOf(current, 'cause');
  }
}

/**
 * True when `error` means that PostgreSQL or NATS is unreachable or going away, as opposed to a
 * bug or a bad request: the caller should then answer 503 `UNAVAILABLE` and try again later.
 */
export const isDependencyDown = (error: unknown): boolean => {
  for (const layer of wrapped(error)) {
    const code = fieldOf(layer, 'code');
    if (typeof code === 'string' && (NETWORK_CODES.has(code) || POSTGRES_DOWN.test(code) || NATS_CODES.has(code))) return true;
    const message = fieldOf(layer, 'message');
    if (typeof message === 'string' && PG_MESSAGES.some((pattern) => pattern.test(message))) return true;
  }
  return false;
};

/** True when PostgreSQL refused the values themselves (SQLSTATE class 22, data exception): no retry changes that. */
export const isPostgresDataError = (error: unknown): boolean => {
  for (const layer of wrapped(error)) {
    const code = fieldOf(layer, 'code');
    if (typeof code === 'string' && /^22[0-9A-Z]{3}$/.test(code)) return true;
  }
  return false;
};
