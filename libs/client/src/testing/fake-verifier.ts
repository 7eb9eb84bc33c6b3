import { randomBytes } from 'node:crypto';
import type { Msg, NatsConnection, Subscription } from 'nats';

/**
 * A subject of the test's own: a verifier another test file runs on the same NATS server (a user's
 * NATS_URL, another test run) must not answer these requests (nor these fakes its).
 */
export const testVerifySubject = (): string => `keyward.test.verify.${randomBytes(6).toString('hex')}`;

/**
 * A stand-in verifier on the real NATS server: records each request and answers what `answer`
 * returns (raw text, so tests can answer garbage), or nothing for `undefined`.
 */
export class FakeVerifier {
  readonly received: unknown[] = [];
  private readonly subscription: Subscription;

  private constructor(nats: NatsConnection, subject: string, answer: (request: unknown) => string | undefined) {
    this.subscription = nats.subscribe(subject, {
      callback: (_, msg: Msg) => {
        const request: unknown = JSON.parse(new TextDecoder().decode(msg.data));
        this.received.push(request);
        const reply = answer(request);
        if (reply !== undefined) msg.respond(new TextEncoder().encode(reply));
      },
    });
  }

  /** Subscribed on the server (flushed) before it returns, so no request can miss it. */
  static async start(nats: NatsConnection, subject: string, answer: (request: unknown) => string | undefined): Promise<FakeVerifier> {
    const verifier = new FakeVerifier(nats, subject, answer);
    await nats.flush();
    return verifier;
  }

  stop(): void {
    this.subscription.unsubscribe();
  }
}
