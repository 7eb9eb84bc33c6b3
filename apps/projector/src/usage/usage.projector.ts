import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { AckPolicy, nanos, type JsMsg, type NatsConnection } from 'nats';
import type { DataSource } from 'typeorm';
import { UsageStream, type UsageBatch } from '@keyward/contracts';
import { uuidV7Time } from '@keyward/domain';
import { ensureUsageStream, isPostgresDataError, NATS_CONNECTION, READ_MODEL_DATA_SOURCE } from '@keyward/platform';
import { applyUsageBatch, parseUsageBatch, purgeAppliedBatches } from '@keyward/read-models';
import { UsageMetrics } from './usage.metrics';

const FETCH_MAX = 64;
/** A fetch waits this long for batches; shutdown waits at most that for the loop. */
const FETCH_EXPIRES_MS = 1_000;
/** After a failure (NATS or PostgreSQL away), before trying again. */
const RETRY_MS = 1_000;
/** An unacknowledged batch comes again after this: longer than a commit takes, short enough to heal quickly. */
const ACK_WAIT_MS = 30_000;
/** Batch ids are kept a day longer than the usage stream keeps a batch (7 days), then forgotten, once an hour. */
const KEEP_BATCH_IDS_MS = 8 * 86_400_000;
const PURGE_EVERY_MS = 3_600_000;

const countsOf = (batch: UsageBatch): number => batch.entries.reduce((sum, e) => sum + Object.values(e.counts).reduce((a, n) => a + (n ?? 0), 0), 0);

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The usage projector: pulls the verifiers' usage batches from their JetStream stream with one
 * durable consumer (replicas share it, each batch going to one of them) and applies each in one
 * PostgreSQL transaction with its id, acknowledging only after the commit. A batch whose commit
 * failed is not acknowledged and comes again; one that committed but whose acknowledgement was
 * lost comes again too, finds its id, and changes nothing. It follows no events, so a rebuild of
 * the read models leaves usage alone, and it runs beside the event projection, not in its way.
 */
@Injectable()
export class UsageProjector implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(UsageProjector.name);
  private running = false;
  private loop: Promise<void> | undefined;
  private failing = false;
  private purgedAt = 0;

  constructor(
    @Inject(NATS_CONNECTION) private readonly nats: NatsConnection,
    @Inject(READ_MODEL_DATA_SOURCE) private readonly dataSource: DataSource,
    private readonly metrics: UsageMetrics,
  ) {}

  onApplicationBootstrap(): void {
    this.running = true;
    this.loop = this.run();
  }

  /** Before `ReadModelModule` closes the data source (the app module shuts down first). */
  async onApplicationShutdown(): Promise<void> {
    this.running = false;
    await this.loop;
  }

  private async run(): Promise<void> {
    while (this.running) {
      try {
        await this.follow();
      } catch (error) {
        this.noteFailure(error);
        await sleep(RETRY_MS);
      }
    }
  }

  private async follow(): Promise<void> {
    await ensureUsageStream(this.nats);
    const jsm = await this.nats.jetstreamManager();
    // Idempotent like the stream: the same durable consumer, whoever starts first.
    await jsm.consumers.add(UsageStream.name, { durable_name: UsageStream.consumer, ack_policy: AckPolicy.Explicit, ack_wait: nanos(ACK_WAIT_MS) });
    const consumer = await this.nats.jetstream().consumers.get(UsageStream.name, UsageStream.consumer);
    while (this.running) {
      const messages = await consumer.fetch({ max_messages: FETCH_MAX, expires: FETCH_EXPIRES_MS });
      let failure: unknown;
      for await (const message of messages) {
        // After a failed commit the rest of the fetch goes back at once, rather than after the ack wait.
        if (failure !== undefined) message.nak(RETRY_MS);
        else failure = await this.apply(message).then(() => undefined, (error: unknown) => error ?? new Error('unknown error'));
      }
      if (failure !== undefined) throw failure;
      await this.purgeOldBatchIds();
    }
  }

  private async apply(message: JsMsg): Promise<void> {
    const batch = parseUsageBatch(message.data);
    if (!batch) {
      // Not from a verifier: applying it later would not help, and it must not block the stream.
      message.term();
      this.metrics.record('rejected', 0, undefined);
      this.logger.warn(`usage stream: message ${message.seq} is not a usage batch; dropped`);
      return;
    }
    try {
      const outcome = await applyUsageBatch(this.dataSource, batch);
      message.ack();
      this.metrics.record(outcome, countsOf(batch), (Date.now() - uuidV7Time(batch.batchId)) / 1_000);
      if (this.failing) this.logger.log('usage batches are applied again');
      this.failing = false;
    } catch (error) {
      if (isPostgresDataError(error)) {
        // PostgreSQL refuses what the batch holds, not its own state: it would fail again forever.
        message.term();
        this.metrics.record('rejected', 0, undefined);
        this.logger.warn(`usage stream: message ${message.seq} holds values PostgreSQL refuses; dropped`);
        return;
      }
      // Not committed: delivered again after a pause.
      message.nak(RETRY_MS);
      throw error;
    }
  }

  private async purgeOldBatchIds(): Promise<void> {
    const now = Date.now();
    if (now - this.purgedAt < PURGE_EVERY_MS) return;
    this.purgedAt = now;
    const forgotten = await purgeAppliedBatches(this.dataSource, now - KEEP_BATCH_IDS_MS);
    if (forgotten > 0) this.logger.log(`usage: forgot ${forgotten} batch ids older than the usage stream keeps batches`);
  }

  /** Once per outage, not once a second. */
  private noteFailure(error: unknown): void {
    if (!this.failing) this.logger.warn(`usage projector: ${error instanceof Error ? error.message : 'unknown error'}; retrying`);
    this.failing = true;
  }
}
