import { Inject, Injectable, Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import type { Msg, NatsConnection, Subscription } from 'nats';
import { QueueGroups, Subjects } from '@keyward/contracts';
import { BusinessClock, NATS_CONNECTION, PEPPER } from '@keyward/platform';
import { answerFindKey, Freshness, KeyIndex } from '@keyward/key-index';

const encoder = new TextEncoder();

/**
 * Serves `keyward.v1.find-key` for gateways (leak reports, revoke-by-secret): which key a secret
 * belongs to. Apart from verify because it is no use of the key: no usage, no rate limit, no
 * verify metric. Joins the queue group once caught up, as verify does.
 */
@Injectable()
export class FindKeyResponder implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(FindKeyResponder.name);
  private subscription: Subscription | undefined;
  private stopped = false;

  constructor(
    @Inject(NATS_CONNECTION) private readonly nats: NatsConnection,
    @Inject(PEPPER) private readonly pepper: Buffer,
    private readonly index: KeyIndex,
    private readonly freshness: Freshness,
    private readonly clock: BusinessClock,
  ) {}

  onApplicationBootstrap(): void {
    void this.freshness.caughtUpOnce.then(() => {
      if (this.stopped) return;
      this.subscription = this.nats.subscribe(Subjects.findKey, {
        queue: QueueGroups.verifier,
        callback: (error, msg) => (error ? this.logger.warn(`${Subjects.findKey} subscription: ${error.message}`) : this.answer(msg)),
      });
    });
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    await this.subscription?.drain().catch(() => undefined); // a closed connection has nothing left
  }

  private answer(msg: Msg): void {
    if (!msg.reply) return;
    try {
      const answer = answerFindKey(msg.data, { index: this.index, pepper: this.pepper, serving: () => this.freshness.serving(Date.now()) }, this.clock.now());
      msg.respond(encoder.encode(JSON.stringify(answer)));
    } catch (error) {
      // Never the message: it carries a secret.
      this.logger.error(`find-key failed: ${error instanceof Error ? error.name : 'unknown error'}`);
    }
  }
}
