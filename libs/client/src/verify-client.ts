import { ErrorCode as NatsErrorCode, JSONCodec, NatsError, type NatsConnection } from 'nats';
import { Subjects, type VerifyAnswer, type VerifyRequest } from '@keyward/contracts';

/** No verifier answered in time (none running, or all of them overloaded). */
export class VerifierUnavailableError extends Error {
  constructor(reason: string) {
    super(`no Keyward verifier answered on ${Subjects.verify}: ${reason}`);
    this.name = 'VerifierUnavailableError';
  }
}

export interface VerifyOptions {
  /** The end client's address, for keys with an IP allowlist. */
  readonly ip?: string;
  readonly timeoutMs?: number;
}

const codec = JSONCodec<VerifyRequest | VerifyAnswer>();

/** Checks presented keys over `keyward.v1.verify`; the connection belongs to the caller. */
export class VerifyClient {
  constructor(
    private readonly nats: NatsConnection,
    private readonly defaultTimeoutMs = 2_000,
  ) {}

  async verify(key: string, require?: string | readonly string[], options: VerifyOptions = {}): Promise<VerifyAnswer> {
    const request: VerifyRequest = { key, ...(require === undefined ? {} : { require }), ...(options.ip ? { ip: options.ip } : {}) };
    try {
      const reply = await this.nats.request(Subjects.verify, codec.encode(request), {
        timeout: options.timeoutMs ?? this.defaultTimeoutMs,
      });
      return codec.decode(reply.data) as VerifyAnswer;
    } catch (error) {
      if (error instanceof NatsError && error.code === NatsErrorCode.NoResponders) throw new VerifierUnavailableError('no responders');
      if (error instanceof NatsError && error.code === NatsErrorCode.Timeout) throw new VerifierUnavailableError('timed out');
      throw error;
    }
  }
}
