import type { RecordedEvent, Subscription, SubscriptionHandlers } from '../event-store.port';
import { comparePositions, isBeyond, type Position } from '../position';

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
  /** Why the next pause ends at once: any hint (`'any'`), or the highest head hinted since. */
  private wokenFor: Position | 'any' | undefined;
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

  wake(head?: Position): void {
    if (head === undefined || this.wokenFor === 'any') this.wokenFor = 'any';
    else if (!isBeyond(head, this.position)) return; // handed over already
    else if (this.wokenFor === undefined || comparePositions(head, this.wokenFor) > 0) this.wokenFor = head;
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

  /** A hint that came while reading counts only if the read did not get past it (the PostgreSQL and NATS hints of one append race). */
  private get hasNews(): boolean {
    return this.wokenFor === 'any' || (this.wokenFor !== undefined && isBeyond(this.wokenFor, this.position));
  }

  private pause(ms: number): Promise<void> {
    const news = this.hasNews;
    this.wokenFor = undefined;
    if (news || this.stopped) return Promise.resolve();
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        this.wakeUp = undefined;
        this.wokenFor = undefined;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.wakeUp = done;
    });
  }
}
