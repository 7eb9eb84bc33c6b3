import type { RecordedEvent, Subscription, SubscriptionHandlers } from '../event-store.port';
import type { Position } from '../position';

export type ReadBatch = (after: Position | undefined, maxCount: number) => Promise<readonly RecordedEvent[]>;

export interface CatchUpOptions {
  readonly after?: Position;
  readonly batchSize: number;
  /** Poll when no notification came: NOTIFY is a hint, the poll is the guarantee. */
  readonly pollMs: number;
  /** First pause after a failure; doubled on each further one, up to `maxRetryMs`. */
  readonly retryMs: number;
  readonly maxRetryMs: number;
}

const asError = (error: unknown): Error => (error instanceof Error ? error : new Error(String(error)));

/**
 * Reads everything after the checkpoint, then waits for a wake-up (or the poll) and reads again;
 * a full batch is followed by another read at once. A batch is handed over only after the
 * previous handler resolved; a failing read or handler is retried from the same checkpoint
 * after a pause, so nothing is skipped. Nothing here throws out of a timer.
 */
export class CatchUpSubscription implements Subscription {
  private position: Position | undefined;
  private stopped = false;
  private woken = false;
  private wakeUp: (() => void) | undefined;
  private readonly running: Promise<void>;

  constructor(
    private readonly read: ReadBatch,
    private readonly options: CatchUpOptions,
    private readonly handlers: SubscriptionHandlers,
  ) {
    this.position = options.after;
    this.running = this.loop();
  }

  wake(): void {
    this.woken = true;
    this.wakeUp?.();
  }

  /** Resolves once the handler that may be running returned; none is called afterwards. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.wake();
    await this.running;
  }

  /** Reports a failure; a throwing `onError` must not end the loop. */
  reportError(error: unknown): void {
    if (this.stopped) return;
    try {
      this.handlers.onError?.(asError(error));
    } catch {
      // the subscriber's own error handler failed: nothing more to tell it
    }
  }

  private async loop(): Promise<void> {
    let failures = 0;
    while (!this.stopped) {
      let full: boolean;
      try {
        const batch = await this.read(this.position, this.options.batchSize);
        if (this.stopped) return;
        if (batch.length > 0) {
          await this.handlers.onEvents(batch);
          this.position = batch[batch.length - 1].position;
        }
        full = batch.length >= this.options.batchSize;
        if (!full && !this.stopped) this.handlers.onLive?.(this.position);
        failures = 0;
      } catch (error) {
        this.reportError(error);
        failures++;
        await this.pause(Math.min(this.options.retryMs * 2 ** (failures - 1), this.options.maxRetryMs));
        continue;
      }
      if (!full) await this.pause(this.options.pollMs);
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
}
