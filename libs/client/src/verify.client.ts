import { connect, ErrorCode as NatsErrorCode, NatsError, type ConnectionOptions, type NatsConnection } from 'nats';
import { Subjects, type NamedRateLimitRequest, type VerifyAnswer, type VerifyKeyIdRequest, type VerifyRequest } from '@keyward/contracts';
import { isKeySecret } from '@keyward/domain/formats';
import { checkedRequirement, type KeyRequirement } from './key-requirement';
import { decodeVerifyAnswer } from './verify-answer.decode';
import { NoVerifierError, VerifierTimeoutError, VerifierUnavailableError } from './verifier-unavailable.error';

export interface VerifyClientOptions {
  /** How long a verify waits for an answer when the call does not say; default 2 000 ms. */
  readonly timeoutMs?: number;
  /** The verify subject; default `keyward.v1.verify`. Other values are for tests and subject-mapped accounts. */
  readonly subject?: string;
}

export interface VerifyClientConnectOptions extends VerifyClientOptions {
  /** Further `nats` connection options (credentials, TLS, name…); `servers` comes from the URL. */
  readonly nats?: Omit<ConnectionOptions, 'servers'>;
}

export interface VerifyOptions {
  /** The end client's address, for keys with an IP allowlist (answer `FORBIDDEN` outside it). */
  readonly ip?: string;
  /** Credits a VALID answer spends (default 1 on the verifier, 0 only checks); `verify` only. */
  readonly cost?: number;
  /** The named limits this call is checked against, each with its cost; absent: the key's auto-applied ones. `verify` only. */
  readonly ratelimits?: readonly NamedRateLimitRequest[];
  /** This call's timeout, instead of the client's default. */
  readonly timeoutMs?: number;
}

export const DEFAULT_VERIFY_TIMEOUT_MS = 2_000;
/** A server that is gone must not hold up `close()`. */
const DRAIN_TIMEOUT_MS = 1_000;
const MALFORMED: VerifyAnswer = Object.freeze({ valid: false, code: 'MALFORMED' });
const encoder = new TextEncoder();

const checkedTimeout = (ms: number): number => {
  if (!Number.isInteger(ms) || ms <= 0) throw new RangeError(`a verify timeout is a positive whole number of milliseconds, not ${ms}`);
  return ms;
};

/** NATS failures that mean "no verifier answered"; anything else is not ours to hide. */
const unavailable = (error: unknown, timeoutMs: number): unknown => {
  if (!(error instanceof NatsError)) return error;
  switch (error.code) {
    case NatsErrorCode.NoResponders:
      return new NoVerifierError();
    case NatsErrorCode.Timeout:
      return new VerifierTimeoutError(timeoutMs);
    case NatsErrorCode.ConnectionClosed:
    case NatsErrorCode.ConnectionDraining:
    case NatsErrorCode.Disconnect:
      return new VerifierUnavailableError('the NATS connection is closed');
    default:
      return error;
  }
};

/**
 * Checks presented keys over `keyward.v1.verify` (product.md section 4).
 *
 * - A key that is not in the Keyward format (empty, wrong prefix, length, charset or checksum)
 *   answers `MALFORMED` here, without a request: the verifier runs the same check
 *   (`isKeySecret`) first and would answer the same, and garbage from the internet never
 *   reaches the bus.
 * - A requirement that is not a permission query or a list of permissions throws `InvalidRequirementError`.
 * - No verifier answering throws `VerifierUnavailableError`: `NoVerifierError` when none is
 *   subscribed, `VerifierTimeoutError` when none answered in time.
 *
 * `new VerifyClient(connection)` uses a connection that stays the caller's (`close()` leaves it
 * open); `VerifyClient.connect(natsUrl)` opens one that `close()` drains and closes.
 */
export class VerifyClient {
  private readonly defaultTimeoutMs: number;
  private readonly subject: string;
  private owned = false;

  constructor(
    private readonly nats: NatsConnection,
    options: VerifyClientOptions = {},
  ) {
    this.defaultTimeoutMs = checkedTimeout(options.timeoutMs ?? DEFAULT_VERIFY_TIMEOUT_MS);
    this.subject = options.subject ?? Subjects.verify;
  }

  /** Connects to NATS for this client alone; reconnects for ever once connected. */
  static async connect(natsUrl: string | readonly string[], options: VerifyClientConnectOptions = {}): Promise<VerifyClient> {
    const servers = typeof natsUrl === 'string' ? natsUrl : [...natsUrl];
    const nats = await connect({ name: 'keyward-verify-client', maxReconnectAttempts: -1, ...options.nats, servers });
    const client = new VerifyClient(nats, options);
    client.owned = true;
    return client;
  }

  /** Whether `key` satisfies `require`, a permission query or a list of permissions (none: any valid key); the verifier's answer, typed. */
  async verify(key: string, require?: KeyRequirement, options: VerifyOptions = {}): Promise<VerifyAnswer> {
    const required = checkedRequirement(require);
    if (!isKeySecret(key)) return MALFORMED;
    const request: VerifyRequest = {
      key,
      ...(required.length ? { require: required } : {}),
      ...(options.ip ? { ip: options.ip } : {}),
      // Checked by the verifier (MALFORMED), the one home of their rules.
      ...(options.cost === undefined ? {} : { cost: options.cost }),
      ...(options.ratelimits === undefined ? {} : { ratelimits: options.ratelimits }),
    };
    return this.ask(this.subject, request, options);
  }

  /**
   * The answer `verify` would give the current secret of the key with this id, over
   * `keyward.v1.verify-key-id`. For Keyward's gateways (a console session keeps the key id, never
   * the key); a downstream service has no use for it, and its NATS account should not allow it.
   */
  async verifyKeyId(keyId: string, require?: KeyRequirement, options: VerifyOptions = {}): Promise<VerifyAnswer> {
    const required = checkedRequirement(require);
    const request: VerifyKeyIdRequest = { keyId, ...(required.length ? { require: required } : {}), ...(options.ip ? { ip: options.ip } : {}) };
    return this.ask(Subjects.verifyKeyId, request, options);
  }

  private async ask(subject: string, request: VerifyRequest | VerifyKeyIdRequest, options: VerifyOptions): Promise<VerifyAnswer> {
    const timeout = checkedTimeout(options.timeoutMs ?? this.defaultTimeoutMs);
    try {
      const reply = await this.nats.request(subject, encoder.encode(JSON.stringify(request)), { timeout });
      return decodeVerifyAnswer(reply.data);
    } catch (error) {
      throw unavailable(error, timeout);
    }
  }

  /** Drains and closes the connection if this client opened it; a no-op for a caller's connection. */
  async close(): Promise<void> {
    if (!this.owned || this.nats.isClosed()) return;
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<void>((resolve) => (timer = setTimeout(resolve, DRAIN_TIMEOUT_MS)));
    await Promise.race([this.nats.drain().catch(() => undefined), late]).finally(() => clearTimeout(timer));
    if (!this.nats.isClosed()) await this.nats.close();
  }
}
