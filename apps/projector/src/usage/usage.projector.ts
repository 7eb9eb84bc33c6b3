import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { JsMsg, NatsConnection } from 'nats';
import type { DataSource } from 'typeorm';
import { UsageStream, type UsageBatch } from '@keyward/contracts';
import { uuidV7Time } from '@keyward/domain';
import { DurableConsumerLoop, ensureUsageStream, isPostgresDataError, NATS_CONNECTION, READ_MODEL_DATA_SOURCE } from '@keyward/platform';
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
  private readonly loop: DurableConsumerLoop;
  private failing = false;
  private purgedAt = 0;

  constructor(
    @Inject(NATS_CONNECTION) nats: NatsConnection,
    @Inject(READ_MODEL_DATA_SOURCE) private readonly dataSource: DataSource,
    private readonly metrics: UsageMetrics,
  ) {
    this.loop = new DurableConsumerLoop(nats, {
      stream: UsageStream.name,
      consumer: UsageStream.consumer,
      ensureStream: ensureUsageStream,
      fetchMax: FETCH_MAX,
      fetchExpiresMs: FETCH_EXPIRES_MS,
      ackWaitMs: ACK_WAIT_MS,
      retryMs: RETRY_MS,
      handle: (message) => this.apply(message),
      afterFetch: () => this.purgeOldBatchIds(),
      onFailure: (error) => this.noteFailure(error),
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
