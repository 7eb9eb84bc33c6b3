import { Client } from 'pg';
import type { RecordedEvent, Subscription, SubscriptionHandlers } from '../event-store.port';
import type { Position } from '../position';
import type { EventTables } from './event-store.schema';

export type ReadBatch = (after: Position | undefined, maxCount: number) => Promise<readonly RecordedEvent[]>;

export interface CatchUpOptions {
  readonly after?: Position;
  readonly batchSize: number;
  /** Poll when no notification came: NOTIFY is a hint, the poll is the guarantee. */
  readonly pollMs: number;
  readonly retryMs: number;
}

const asError = (error: unknown): Error => (error instanceof Error ? error : new Error(String(error)));

/**
 * Reads everything after the checkpoint, then waits for a NOTIFY (or the poll) and reads again.
 * A batch is handed over only after the previous handler resolved; a failing handler gets the
 * same batch again after a pause, so nothing is skipped.
 */
export class CatchUpSubscription implements Subscription {
  private position: Position | undefined;
  private stopped = false;
  private wakeUp: (() => void) | undefined;
  private woken = false;
  private listener: Client | undefined;
  private relisten: NodeJS.Timeout | undefined;
  private readonly running: Promise<void>;

  constructor(
    private readonly read: ReadBatch,
    private readonly connectionString: string | undefined,
    private readonly tables: EventTables,
    private readonly options: CatchUpOptions,
    private readonly handlers: SubscriptionHandlers,
  ) {
    this.position = options.after;
    void this.listen();
    this.running = this.loop();
  }

  wake(): void {
    this.woken = true;
    this.wakeUp?.();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.relisten);
    this.wake();
    await this.running;
    await this.listener?.end().catch(() => undefined);
  }

  private async loop(): Promise<void> {
    while (!this.stopped) {
      try {
        const batch = await this.read(this.position, this.options.batchSize);
        if (this.stopped) return;
        if (batch.length > 0) {
          await this.handlers.onEvents(batch);
          this.position = batch[batch.length - 1].position;
        }
        if (batch.length < this.options.batchSize) {
          this.handlers.onLive?.(this.position);
          await this.pause(this.options.pollMs);
        }
      } catch (error) {
        this.handlers.onError?.(asError(error));
        await this.pause(this.options.retryMs);
      }
    }
  }

  private pause(ms: number): Promise<void> {
    if (this.woken || this.stopped) {
      this.woken = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        this.wakeUp = undefined;
        this.woken = false;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.wakeUp = done;
    });
  }

  /** A dedicated connection for LISTEN (a pooled one would be handed to other queries). */
  private async listen(): Promise<void> {
    if (!this.connectionString || this.stopped) return;
    const client = new Client({ connectionString: this.connectionString });
    this.listener = client;
    client.on('notification', () => this.wake());
    client.on('error', (error) => {
      this.handlers.onError?.(asError(error));
      void client.end().catch(() => undefined);
      this.listenLater();
    });
    try {
      await client.connect();
      await client.query(`LISTEN "${this.tables.channel}"`);
    } catch (error) {
      this.handlers.onError?.(asError(error));
      await client.end().catch(() => undefined);
      this.listenLater();
    }
  }

  private listenLater(): void {
    if (this.stopped) return;
    this.relisten = setTimeout(() => void this.listen(), this.options.retryMs);
    this.relisten.unref();
  }
}
