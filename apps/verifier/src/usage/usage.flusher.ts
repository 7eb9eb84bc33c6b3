import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { JetStreamClient, NatsConnection } from 'nats';
import { Counter, type Registry } from 'prom-client';
import { UsageStream, type UsageBatch } from '@keyward/contracts';
import { newUuidV7 } from '@keyward/domain';
import { ensureUsageStream, METRICS_REGISTRY, NATS_CONNECTION } from '@keyward/platform';
import { UsageCounter } from './usage.counter';

/** Twice a second: a timer late under load still flushes within the second the contract allows. */
const FLUSH_INTERVAL_MS = 500;
const PUBLISH_TIMEOUT_MS = 2_000;
/** A graceful stop tries this long to hand its last counts over; NATS gone for good must not hold it up. */
const FINAL_FLUSH_MS = 5_000;

type FlushOutcome = 'empty' | 'sent' | 'failed';

/** A sealed batch: once it has been offered to JetStream, it is only ever sent again as these bytes under this id. */
interface PendingBatch {
  readonly batchId: string;
  readonly data: Uint8Array;
}

/**
 * Flushes the usage counts to the JetStream usage stream, as batches of at most
 * `UsageStream.maxEntriesPerBatch` entries (a message must stay under NATS's size limit). One
 * batch is in flight at a time: a failed publish is retried with the same id and bytes (JetStream
 * drops the copy if the first did land), and counts made meanwhile wait in the counter: arrays the
 * size of the index, plus one entry per key used in each hour that ended meanwhile.
 */
@Injectable()
export class UsageFlusher implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(UsageFlusher.name);
  private readonly js: JetStreamClient;
  private readonly batches: Counter<'outcome'>;
  private timer: NodeJS.Timeout | undefined;
  /** Sealed, not yet published; sent in order, and new counts are sealed only once all are out. */
  private pending: PendingBatch[] = [];
  private inFlight: Promise<FlushOutcome> | undefined;
  private streamReady = false;
  private failing = false;

  constructor(
    @Inject(NATS_CONNECTION) private readonly nats: NatsConnection,
    @Inject(METRICS_REGISTRY) registry: Registry,
    private readonly counter: UsageCounter,
  ) {
    this.js = nats.jetstream();
    this.batches = new Counter({ name: 'keyward_usage_batches_total', help: 'Usage batches offered to JetStream, by outcome', labelNames: ['outcome'], registers: [registry] });
  }

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.flush(), FLUSH_INTERVAL_MS);
  }

  /** After the responder left the queue group (before shutdown), so no answer is made that is not flushed. */
  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    for (const deadline = Date.now() + FINAL_FLUSH_MS; Date.now() < deadline; ) {
      if ((await this.flush()) === 'empty') return;
      if (this.failing) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    this.logger.warn('shutdown: usage counts not flushed in time');
  }

  /** One flush at a time (a timer tick during one joins it); 'empty' once nothing is left to send. */
  flush(): Promise<FlushOutcome> {
    this.inFlight ??= this.flushOnce().finally(() => (this.inFlight = undefined));
    return this.inFlight;
  }

  private async flushOnce(): Promise<FlushOutcome> {
    if (this.pending.length === 0) this.pending = this.seal();
    if (this.pending.length === 0) return 'empty';
    try {
      if (!this.streamReady) await ensureUsageStream(this.nats);
      this.streamReady = true;
      while (this.pending.length > 0) {
        const [batch] = this.pending;
        await this.js.publish(UsageStream.batches, batch.data, { msgID: batch.batchId, timeout: PUBLISH_TIMEOUT_MS, expect: { streamName: UsageStream.name } });
        this.pending.shift();
        this.batches.inc({ outcome: 'published' });
      }
      if (this.failing) this.logger.log('usage batches are published again');
      this.failing = false;
      return 'sent';
    } catch (error) {
      this.batches.inc({ outcome: 'failed' });
      // Once per outage, not twice a second.
      if (!this.failing) this.logger.warn(`usage batch not published, will retry it: ${error instanceof Error ? error.message : 'unknown error'}`);
      this.failing = true;
      return 'failed';
    }
  }

  private seal(): PendingBatch[] {
    const entries = this.counter.drain();
    const batches: PendingBatch[] = [];
    for (let start = 0; start < entries.length; start += UsageStream.maxEntriesPerBatch) {
      const batch: UsageBatch = { batchId: newUuidV7(), entries: entries.slice(start, start + UsageStream.maxEntriesPerBatch) };
      batches.push({ batchId: batch.batchId, data: Buffer.from(JSON.stringify(batch)) });
    }
    return batches;
  }
}
