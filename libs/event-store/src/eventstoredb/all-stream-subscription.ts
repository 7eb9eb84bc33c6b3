import { START, excludeSystemEvents, type AllStreamResolvedEvent, type AllStreamSubscription, type EventStoreDBClient } from '@eventstore/db-client';
import type { RecordedEvent, Subscription, SubscriptionHandlers } from '../event-store.port';
import { comparePositions, type Position } from '../position';
import { resolvedToRecordedEvent } from './resolved-to-recorded-event';

export interface AllSubscriptionOptions {
  readonly after?: Position;
  readonly batchSize: number;
  /** First pause after a failure; doubled on each further one, up to `maxRetryMs`. */
  readonly retryMs: number;
  readonly maxRetryMs: number;
}

type Item = { readonly kind: 'event'; readonly event: RecordedEvent } | { readonly kind: 'caughtUp' | 'fellBehind' };

const asError = (error: unknown): Error => (error instanceof Error ? error : new Error(String(error)));

/**
 * `$all` as the server pushes it, handed over in batches: the next batch waits for the previous
 * handler (the server stream is paused meanwhile), a failed handler gets the same batch again,
 * and a dropped subscription is reopened after the last event received, so nothing is skipped.
 */
export class EventStoreDbAllSubscription implements Subscription {
  private readonly queue: Item[] = [];
  /** The last event queued: where a reopened subscription resumes, and what it must not repeat. */
  private received: Position | undefined;
  /** The last event handed over, for `onLive`. */
  private handed: Position | undefined;
  private live = false;
  private stopped = false;
  private current: AllStreamSubscription | undefined;
  private reopen: NodeJS.Timeout | undefined;
  private failures = 0;
  /** Wakes the drain loop when something is queued. */
  private signal: (() => void) | undefined;
  /** Ends a retry pause early, on stop only. */
  private interrupt: (() => void) | undefined;
  private readonly running: Promise<void>;

  constructor(
    private readonly client: EventStoreDBClient,
    private readonly options: AllSubscriptionOptions,
    private readonly handlers: SubscriptionHandlers,
  ) {
    this.received = options.after;
    this.handed = options.after;
    this.open();
    this.running = this.drain();
  }

  wake(): void {
    // the server pushes every event: there is nothing to poll
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.reopen);
    const current = this.current;
    this.current = undefined;
    this.notify();
    this.interrupt?.();
    await Promise.all([current?.unsubscribe().catch(() => undefined), this.running]);
  }

  private open(): void {
    if (this.stopped) return;
    let subscription: AllStreamSubscription;
    try {
      subscription = this.client.subscribeToAll({ fromPosition: this.received ?? START, filter: excludeSystemEvents() });
    } catch (error) {
      // e.g. a malformed connection string surfacing only now: retried like a dropped connection
      this.report(error);
      this.reopen = setTimeout(() => this.open(), this.backoff());
      return;
    }
    this.current = subscription;
    let seen = 0;
    // Server messages that arrived behind events still buffered in the stream: queued once those are.
    const pendingMarks: { afterSeen: number; kind: 'caughtUp' | 'fellBehind' }[] = [];
    const mark = (kind: 'caughtUp' | 'fellBehind'): void => {
      if (subscription.readableLength === 0) this.push({ kind });
      else pendingMarks.push({ afterSeen: seen + subscription.readableLength, kind });
    };
    subscription.on('data', (resolved: AllStreamResolvedEvent) => {
      if (this.current !== subscription) return;
      seen++;
      try {
        const event = resolvedToRecordedEvent(resolved);
        // A reopened subscription may start at the last event received: never hand it over twice.
        if (event && (!this.received || comparePositions(event.position, this.received) > 0)) {
          this.received = event.position;
          this.push({ kind: 'event', event });
        }
      } catch (error) {
        this.lost(subscription, error);
        return;
      }
      for (let next = pendingMarks[0]; next && next.afterSeen <= seen; next = pendingMarks[0]) {
        pendingMarks.shift();
        this.push({ kind: next.kind });
      }
      if (this.queue.length >= this.options.batchSize * 2) subscription.pause();
    });
    subscription.on('caughtUp', () => this.current === subscription && mark('caughtUp'));
    subscription.on('fellBehind', () => this.current === subscription && mark('fellBehind'));
    subscription.on('error', (error: Error) => this.lost(subscription, error));
    subscription.on('end', () => this.lost(subscription, new Error('the EventStoreDB subscription ended')));
  }

  /** Reports the failure and reopens after the last event received, after a pause. */
  private lost(subscription: AllStreamSubscription, error: unknown): void {
    if (this.current !== subscription || this.stopped) return;
    this.current = undefined;
    void subscription.unsubscribe().catch(() => undefined);
    this.push({ kind: 'fellBehind' });
    this.report(error);
    this.reopen = setTimeout(() => this.open(), this.backoff());
  }

  private push(item: Item): void {
    this.queue.push(item);
    this.notify();
  }

  private async drain(): Promise<void> {
    while (!this.stopped) {
      const head = this.queue[0];
      if (!head) {
        await this.wait();
        continue;
      }
      if (head.kind !== 'event') {
        this.queue.shift();
        this.live = head.kind === 'caughtUp';
        if (this.live) this.reportLive();
        continue;
      }
      const batch: RecordedEvent[] = [];
      for (const item of this.queue) {
        if (item.kind !== 'event' || batch.length === this.options.batchSize) break;
        batch.push(item.event);
      }
      try {
        await this.handlers.onEvents(batch);
      } catch (error) {
        this.report(error);
        await this.pause(this.backoff());
        continue;
      }
      this.failures = 0;
      this.queue.splice(0, batch.length);
      this.handed = batch[batch.length - 1].position;
      if (this.live && this.queue.length === 0) this.reportLive();
      if (this.queue.length < this.options.batchSize) this.current?.resume();
    }
  }

  private backoff(): number {
    this.failures++;
    return Math.min(this.options.retryMs * 2 ** (this.failures - 1), this.options.maxRetryMs);
  }

  private reportLive(): void {
    if (this.stopped) return;
    try {
      this.handlers.onLive?.(this.handed);
    } catch (error) {
      this.report(error);
    }
  }

  private report(error: unknown): void {
    if (this.stopped) return;
    try {
      this.handlers.onError?.(asError(error));
    } catch {
      // the subscriber's own error handler failed: nothing more to tell it
    }
  }

  private notify(): void {
    this.signal?.();
  }

  /** Until something is queued or the subscription stops. */
  private wait(): Promise<void> {
    if (this.stopped) return Promise.resolve();
    return new Promise((resolve) => {
      this.signal = () => {
        this.signal = undefined;
        resolve();
      };
    });
  }

  /** Before retrying a failed handler: new events must not cut it short, a stop does. */
  private pause(ms: number): Promise<void> {
    if (this.stopped) return Promise.resolve();
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        this.interrupt = undefined;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.interrupt = done;
    });
  }
}
