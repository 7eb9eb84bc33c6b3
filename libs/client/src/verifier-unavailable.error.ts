import { Subjects } from '@keyward/contracts';

/**
 * No verifier gave a usable answer: none is subscribed, none answered in time, the connection is
 * closed, or the answer was not a verify answer. A service should answer 503 and retry later;
 * it must never treat this as "valid" or as a denial of the key.
 */
export class VerifierUnavailableError extends Error {
  constructor(readonly reason: string) {
    super(`no Keyward verifier answered on ${Subjects.verify}: ${reason}`);
    this.name = 'VerifierUnavailableError';
  }
}

/** NATS said at once that nobody subscribes to the verify subject: no verifier is running. */
export class NoVerifierError extends VerifierUnavailableError {
  constructor() {
    super('no responders (is a verifier running?)');
    this.name = 'NoVerifierError';
  }
}

/** A verifier is subscribed but none answered within the timeout (overloaded, or partitioned). */
export class VerifierTimeoutError extends VerifierUnavailableError {
  constructor(readonly timeoutMs: number) {
    super(`timed out after ${timeoutMs} ms`);
    this.name = 'VerifierTimeoutError';
  }
}
