import { Inject, Injectable, Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import type { Msg, NatsConnection, Subscription } from 'nats';
import { QueueGroups, Subjects } from '@keyward/contracts';
import { NATS_CONNECTION, PEPPER } from '@keyward/platform';
import { answerVerify, DescribedAnswers, encodeVerifyAnswer, Freshness, KeyIndex, type VerifyContext } from '@keyward/key-index';
import { UsageCounter } from '../usage/usage.counter';
import { VerifyMetrics } from './verify.metrics';

/**
 * Serves `keyward.v1.verify` on the raw NATS connection: the contract is plain JSON with no
 * framework envelope, and this is the hot path, so it skips the framework's per-message layers.
 */
@Injectable()
export class VerifyResponder implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(VerifyResponder.name);
  private subscription: Subscription | undefined;
  private readonly context: VerifyContext;
  private stopped = false;

  constructor(
    @Inject(NATS_CONNECTION) private readonly nats: NatsConnection,
    @Inject(PEPPER) pepper: Buffer,
    index: KeyIndex,
    private readonly freshness: Freshness,
    private readonly metrics: VerifyMetrics,
    private readonly usage: UsageCounter,
  ) {
    this.context = { index, pepper, serving: (now) => freshness.serving(now), described: new DescribedAnswers() };
  }

  /**
   * Joins the queue group once caught up: until then every request it took would answer
   * UNAVAILABLE while a caught-up replica could have answered it. Afterwards it stays, and answers
   * UNAVAILABLE whenever it cannot vouch for its index.
   */
  onApplicationBootstrap(): void {
    void this.freshness.caughtUpOnce.then(() => {
      if (this.stopped) return;
      this.subscription = this.nats.subscribe(Subjects.verify, {
        queue: QueueGroups.verifier,
        callback: (error, msg) => (error ? this.logger.warn(`verify subscription: ${error.message}`) : this.answer(msg)),
      });
    });
  }

  /** Before any shutdown hook, so the usage flusher's last flush holds every answer given. */
  beforeApplicationShutdown(): void {
    this.stopped = true;
    this.subscription?.unsubscribe();
  }

  private answer(msg: Msg): void {
    if (!msg.reply) return; // a publish without a reply subject expects nothing
    const started = performance.now();
    try {
      const now = Date.now();
      const answer = answerVerify(msg.data, this.context, now);
      msg.respond(encodeVerifyAnswer(answer));
      this.usage.record(answer, now);
      this.metrics.record(answer.code, (performance.now() - started) / 1_000);
    } catch (error) {
      // Never logs the message: it carries a secret.
      this.logger.error(`verify failed: ${error instanceof Error ? error.name : 'unknown error'}`);
    }
  }
}
