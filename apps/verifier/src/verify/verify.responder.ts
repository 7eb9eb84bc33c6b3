import { Inject, Injectable, Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import type { Msg, NatsConnection, Subscription } from 'nats';
import { QueueGroups, Subjects, type VerifyAnswer } from '@keyward/contracts';
import { BusinessClock, NATS_CONNECTION, PEPPER, resolvesWithin } from '@keyward/platform';
import { answerVerify, answerVerifyKeyId, DescribedAnswers, encodeVerifyAnswer, Freshness, KeyIndex, type VerifyContext } from '@keyward/key-index';
import { CreditLedger } from '@keyward/credits';
import { GlobalRateLimiter } from '@keyward/rate-limit';
import { RateLimitNotices } from '../usage/rate-limit.notices';
import { UsageCounter } from '../usage/usage.counter';
import { VerifyMetrics } from './verify.metrics';

/**
 * Serves `keyward.v1.verify` (and `keyward.v1.verify-key-id`) on the raw NATS connection: the contract is plain JSON with no
 * framework envelope, and this is the hot path, so it skips the framework's per-message layers.
 */
/** Both subjects answer the same way: by secret (everyone) or by key id (gateways' sessions). */
type Answerer = typeof answerVerify;

/** How long a stop waits for answers still waiting on the shared rate-limit count. */
const SHUTDOWN_GRACE_MS = 2_000;

@Injectable()
export class VerifyResponder implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(VerifyResponder.name);
  private subscriptions: Subscription[] = [];
  private readonly context: VerifyContext;
  private stopped = false;
  /** Answers still waiting on a shared count (rate limits, credits): a stop lets them answer and count. */
  private readonly waiting = new Set<Promise<void>>();

  constructor(
    @Inject(NATS_CONNECTION) private readonly nats: NatsConnection,
    @Inject(PEPPER) pepper: Buffer,
    index: KeyIndex,
    private readonly freshness: Freshness,
    private readonly metrics: VerifyMetrics,
    private readonly usage: UsageCounter,
    private readonly rateLimitNotices: RateLimitNotices,
    limiter: GlobalRateLimiter,
    credits: CreditLedger,
    private readonly clock: BusinessClock,
  ) {
    // Freshness is a matter of real time, whatever the business clock says.
    this.context = { index, pepper, serving: () => freshness.serving(Date.now()), described: new DescribedAnswers(), limiter, credits };
  }

  /**
   * Joins the queue group once caught up: until then every request it took would answer
   * UNAVAILABLE while a caught-up replica could have answered it. Afterwards it stays, and answers
   * UNAVAILABLE whenever it cannot vouch for its index.
   */
  onApplicationBootstrap(): void {
    void this.freshness.caughtUpOnce.then(() => {
      if (this.stopped) return;
      const serve = (subject: string, answer: Answerer): Subscription =>
        this.nats.subscribe(subject, {
          queue: QueueGroups.verifier,
          callback: (error, msg) => (error ? this.logger.warn(`${subject} subscription: ${error.message}`) : this.answer(msg, answer)),
        });
      this.subscriptions = [serve(Subjects.verify, answerVerify), serve(Subjects.verifyKeyId, answerVerifyKeyId)];
    });
  }

  /**
   * Before any shutdown hook, so the usage flusher's last flush holds every answer given: leaves
   * the queue group answering what was already routed here (a drain), then waits for the answers
   * still waiting on the shared rate-limit count.
   */
  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    await Promise.all(this.subscriptions.map((s) => s.drain().catch(() => undefined))); // a closed connection has nothing left
    if (!(await resolvesWithin(Promise.all(this.waiting), SHUTDOWN_GRACE_MS))) this.logger.warn('shutdown: answers still waiting on a shared count were abandoned');
  }

  private answer(msg: Msg, answerOf: Answerer): void {
    if (!msg.reply) return; // a publish without a reply subject expects nothing
    const started = performance.now();
    try {
      // Business time (expiry, windows, refills) may be moved by a test clock; usage hours are real time.
      const now = Date.now();
      const answer = answerOf(msg.data, this.context, this.clock.now());
      // Only an answer that waits on a shared count (rate limits, credits) is a promise; every other one goes at once.
      // The catch also takes what respond throws: an unhandled rejection would end the process.
      if (answer instanceof Promise) {
        const answered = answer.then((a) => this.respond(msg, a, started, now)).catch((error: unknown) => this.failed(error));
        this.waiting.add(answered);
        void answered.finally(() => this.waiting.delete(answered));
      } else this.respond(msg, answer, started, now);
    } catch (error) {
      this.failed(error);
    }
  }

  /** `now`: when the request came, which decides the hour its answer counts in. */
  private respond(msg: Msg, answer: VerifyAnswer, started: number, now: number): void {
    msg.respond(encodeVerifyAnswer(answer));
    this.usage.record(answer, now);
    this.rateLimitNotices.record(answer);
    this.metrics.record(answer.code, (performance.now() - started) / 1_000, answer.ratelimit?.degraded ?? answer.ratelimits?.some((l) => l.degraded));
  }

  private failed(error: unknown): void {
    // Never logs the message: it carries a secret.
    this.logger.error(`verify failed: ${error instanceof Error ? error.name : 'unknown error'}`);
  }
}
