/**
 * What the operator allows outbound requests to do. The defaults are for production: HTTPS only,
 * public addresses only, bounded in time and size. Tests against a local server relax the first two.
 */
export interface OutboundPolicy {
  /** `http:` URLs as well as `https:` (`KEYWARD_OUTBOUND_ALLOW_HTTP=true`); off by default, a value would cross the network in clear. */
  readonly allowHttp: boolean;
  /** Loopback, private, link-local, unique-local and other non-public addresses (`KEYWARD_OUTBOUND_ALLOW_PRIVATE=true`); off by default. */
  readonly allowPrivate: boolean;
  /** From the start of the request until the socket is connected (DNS included). */
  readonly connectTimeoutMs: number;
  /** From the start of the request until the whole answer is read. */
  readonly timeoutMs: number;
  readonly maxRequestBodyBytes: number;
  readonly maxResponseBodyBytes: number;
  /** The answer's status line and headers together. */
  readonly maxResponseHeaderBytes: number;
}

export const DEFAULT_OUTBOUND_POLICY: OutboundPolicy = {
  allowHttp: false,
  allowPrivate: false,
  connectTimeoutMs: 5_000,
  timeoutMs: 30_000,
  maxRequestBodyBytes: 1024 * 1024,
  maxResponseBodyBytes: 5 * 1024 * 1024,
  maxResponseHeaderBytes: 16 * 1024,
};

const flag = (env: NodeJS.ProcessEnv, name: string): boolean => {
  const text = env[name];
  if (!text) return false;
  if (text === 'true' || text === 'false') return text === 'true';
  throw new Error(`${name} must be true or false`);
};

const positive = (env: NodeJS.ProcessEnv, name: string, fallback: number): number => {
  const text = env[name];
  if (!text) return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a positive whole number`);
  return value;
};

/** `KEYWARD_OUTBOUND_*` variables over the defaults; a malformed one stops the service at start. */
export const outboundPolicyFromEnv = (env: NodeJS.ProcessEnv = process.env): OutboundPolicy => ({
  allowHttp: flag(env, 'KEYWARD_OUTBOUND_ALLOW_HTTP'),
  allowPrivate: flag(env, 'KEYWARD_OUTBOUND_ALLOW_PRIVATE'),
  connectTimeoutMs: positive(env, 'KEYWARD_OUTBOUND_CONNECT_TIMEOUT_MS', DEFAULT_OUTBOUND_POLICY.connectTimeoutMs),
  timeoutMs: positive(env, 'KEYWARD_OUTBOUND_TIMEOUT_MS', DEFAULT_OUTBOUND_POLICY.timeoutMs),
  maxRequestBodyBytes: positive(env, 'KEYWARD_OUTBOUND_MAX_REQUEST_BYTES', DEFAULT_OUTBOUND_POLICY.maxRequestBodyBytes),
  maxResponseBodyBytes: positive(env, 'KEYWARD_OUTBOUND_MAX_RESPONSE_BYTES', DEFAULT_OUTBOUND_POLICY.maxResponseBodyBytes),
  maxResponseHeaderBytes: positive(env, 'KEYWARD_OUTBOUND_MAX_HEADER_BYTES', DEFAULT_OUTBOUND_POLICY.maxResponseHeaderBytes),
});
