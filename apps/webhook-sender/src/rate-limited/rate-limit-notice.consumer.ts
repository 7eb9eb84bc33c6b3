import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { JsMsg, NatsConnection } from 'nats';
import type { DataSource } from 'typeorm';
import { RateLimitNoticeStream } from '@keyward/contracts';
import { DurableConsumerLoop, ensureRateLimitNoticeStream, isPostgresDataError, NATS_CONNECTION, READ_MODEL_DATA_SOURCE } from '@keyward/platform';
import { enqueueRateLimitNotice, followedAsFarAsReadModels, parseRateLimitNotice, purgeRateLimitNotices } from '@keyward/webhooks';
import { DeliveryMetrics } from '../deliver/delivery.metrics';
import { WebhookDelivery } from '../deliver/webhook.delivery';

const RETRY_MS = 1_000;
/** How long a notice waits for the sender to reach the read models' position (`followedAsFarAsReadModels`); then it goes on. */
const CATCH_UP_MS = 5_000;
/** A notice's record outlives the day the stream keeps a notice, then goes, once an hour. */
const KEEP_NOTICES_MS = 2 * 86_400_000;
const PURGE_EVERY_MS = 3_600_000;

/**
 * `key.rate_limited` (product.md 9.5): pulls the verifiers' rate-limit notices with a durable
 * consumer of the sender's own (every replica shares it, each notice going to one; no lock needed)
 * and enqueues each once per key and window, acknowledging after the commit: a notice whose commit
 * failed comes again; one whose acknowledgement was lost comes again and finds its record.
 */
@Injectable()
export class RateLimitNoticeConsumer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(RateLimitNoticeConsumer.name);
  private readonly loop: DurableConsumerLoop;
  private failing = false;
  private purgedAt = 0;
  /** One catch-up per fetch, shared by its notices: waiting for each would outlast the ack wait. */
  private caughtUp: Promise<boolean> | undefined;

  constructor(
    @Inject(NATS_CONNECTION) nats: NatsConnection,
    @Inject(READ_MODEL_DATA_SOURCE) private readonly dataSource: DataSource,
    private readonly delivery: WebhookDelivery,
    private readonly metrics: DeliveryMetrics,
  ) {
    this.loop = new DurableConsumerLoop(nats, {
      stream: RateLimitNoticeStream.name,
      consumer: RateLimitNoticeStream.consumer,
      ensureStream: ensureRateLimitNoticeStream,
      fetchMax: 64,
      fetchExpiresMs: 1_000,
      ackWaitMs: 30_000,
      retryMs: RETRY_MS,
      handle: (message) => this.apply(message),
      afterFetch: () => {
        this.caughtUp = undefined;
        return this.purge();
      },
      onFailure: (error) => {
        // Once per outage, not once a second.
        if (!this.failing) this.logger.warn(`rate-limit notices: ${error instanceof Error ? error.message : 'unknown error'}; retrying`);
        this.failing = true;
      },
    });
  }

  onApplicationBootstrap(): void {
    this.loop.start();
  }

  /** Before `ReadModelModule` closes the data source (the app module shuts down first). */
  async onApplicationShutdown(): Promise<void> {
    await this.loop.stop();
  }

  private async apply(message: JsMsg): Promise<void> {
    const notice = parseRateLimitNotice(message.data);
    if (!notice) {
      // Not from a verifier: it must not block the stream.
      message.term();
      this.logger.warn(`rate-limit notices: message ${message.seq} is not a notice; dropped`);
      return;
    }
    try {
      this.caughtUp ??= followedAsFarAsReadModels(this.dataSource, CATCH_UP_MS);
      await this.caughtUp.catch((error: unknown) => {
        this.caughtUp = undefined;
        throw error;
      });
      const added = await enqueueRateLimitNotice(this.dataSource, notice);
      message.ack();
      this.failing = false;
      if (added === undefined) return;
      this.metrics.noticed('key.rate_limited', 1);
      if (added > 0) this.delivery.deliverer.wake();
    } catch (error) {
      if (isPostgresDataError(error)) {
        message.term();
        this.logger.warn(`rate-limit notices: message ${message.seq} holds values PostgreSQL refuses; dropped`);
        return;
      }
      message.nak(RETRY_MS);
      throw error;
    }
  }

  private async purge(): Promise<void> {
    const now = Date.now();
    if (now - this.purgedAt < PURGE_EVERY_MS) return;
    this.purgedAt = now;
    await purgeRateLimitNotices(this.dataSource, new Date(now - KEEP_NOTICES_MS));
  }
}
