import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { AckPolicy, nanos, type JsMsg, type NatsConnection } from 'nats';
import type { DataSource } from 'typeorm';
import { RateLimitNoticeStream } from '@keyward/contracts';
import { ensureRateLimitNoticeStream, isPostgresDataError, NATS_CONNECTION, READ_MODEL_DATA_SOURCE } from '@keyward/platform';
import { enqueueRateLimitNotice, followedAsFarAsReadModels, parseRateLimitNotice, purgeRateLimitNotices } from '@keyward/webhooks';
import { DeliveryMetrics } from '../deliver/delivery.metrics';
import { WebhookDelivery } from '../deliver/webhook.delivery';

const FETCH_MAX = 64;
const FETCH_EXPIRES_MS = 1_000;
const RETRY_MS = 1_000;
const ACK_WAIT_MS = 30_000;
/** How long a fetch waits for the sender to reach the read models' position (see `followedAsFarAsReadModels`). */
const CATCH_UP_MS = 5_000;
/** A notice's record outlives the day the stream keeps a notice, then goes, once an hour. */
const KEEP_NOTICES_MS = 2 * 86_400_000;
const PURGE_EVERY_MS = 3_600_000;

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * `key.rate_limited` (product.md 9.5): pulls the verifiers' rate-limit notices with a durable
 * consumer of the sender's own (every replica shares it, each notice going to one) and enqueues
 * each once per key and window, acknowledging after the commit: a notice whose commit failed comes
 * again; one whose acknowledgement was lost comes again and finds its record.
 */
@Injectable()
export class RateLimitNoticeConsumer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(RateLimitNoticeConsumer.name);
  private running = false;
  private loop: Promise<void> | undefined;
  private failing = false;
  private purgedAt = 0;

  constructor(
    @Inject(NATS_CONNECTION) private readonly nats: NatsConnection,
    @Inject(READ_MODEL_DATA_SOURCE) private readonly dataSource: DataSource,
    private readonly delivery: WebhookDelivery,
    private readonly metrics: DeliveryMetrics,
  ) {}

  onApplicationBootstrap(): void {
    this.running = true;
    this.loop = this.run();
  }

  async onApplicationShutdown(): Promise<void> {
    this.running = false;
    await this.loop;
  }

  private async run(): Promise<void> {
    while (this.running) {
      try {
        await this.follow();
      } catch (error) {
        if (!this.failing) this.logger.warn(`rate-limit notices: ${error instanceof Error ? error.message : 'unknown error'}; retrying`);
        this.failing = true;
        await sleep(RETRY_MS);
      }
    }
  }

  private async follow(): Promise<void> {
    await ensureRateLimitNoticeStream(this.nats);
    const jsm = await this.nats.jetstreamManager();
    await jsm.consumers.add(RateLimitNoticeStream.name, { durable_name: RateLimitNoticeStream.consumer, ack_policy: AckPolicy.Explicit, ack_wait: nanos(ACK_WAIT_MS) });
    const consumer = await this.nats.jetstream().consumers.get(RateLimitNoticeStream.name, RateLimitNoticeStream.consumer);
    while (this.running) {
      const messages = await consumer.fetch({ max_messages: FETCH_MAX, expires: FETCH_EXPIRES_MS });
      let failure: unknown;
      let waited = false;
      for await (const message of messages) {
        if (failure !== undefined) {
          message.nak(RETRY_MS);
          continue;
        }
        // Once a fetch; past the wait the notices go on to the endpoints the sender knows.
        if (!waited) {
          await followedAsFarAsReadModels(this.dataSource, CATCH_UP_MS);
          waited = true;
        }
        failure = await this.apply(message).then(() => undefined, (error: unknown) => error ?? new Error('unknown error'));
      }
      if (failure !== undefined) throw failure;
      this.failing = false;
      await this.purge();
    }
  }

  private async apply(message: JsMsg): Promise<void> {
    const notice = parseRateLimitNotice(message.data);
    if (!notice) {
      message.term();
      this.logger.warn(`rate-limit notices: message ${message.seq} is not a notice; dropped`);
      return;
    }
    try {
      const added = await enqueueRateLimitNotice(this.dataSource, notice);
      message.ack();
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
