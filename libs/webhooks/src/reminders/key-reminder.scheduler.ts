import type { DataSource } from 'typeorm';
import { comparePositions } from '@keyward/event-store';
import { READ_MODELS_PROJECTION, readCheckpoint } from '@keyward/read-models';
import type { DeliveryLeadership } from '../delivery-leadership';
import { WEBHOOK_SENDER_PROJECTION } from '../enqueue-deliveries';
import { scanKeyReminders, type KeyReminderScanResult } from './key-reminder.scan';

export interface KeyReminderSchedulerOptions {
  /** Between the end of one scan and the start of the next. */
  readonly intervalMs: number;
  /** The clock the marks are read off (tests move it by days). */
  readonly now?: () => Date;
}

export interface KeyReminderObserver {
  onScan(result: KeyReminderScanResult, durationMs: number): void;
  onError(error: Error): void;
}

/** How often the sender's checkpoint is looked at while waiting for it to catch up. */
const CATCH_UP_POLL_MS = 50;

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Scans for expiring and stale keys every `intervalMs`, on the replica holding the sender's
 * delivery lock only (`DeliveryLeadership`: the replica that delivers is the one that enqueues).
 * The lock saves work, not correctness: `key_reminders` makes a second scanner record nothing.
 * Before a scan it waits until the sender has followed the history as far as the read models
 * had (so that a webhook created before a key is in the sender's endpoint list when the key is
 * found); a sender that does not get there within the interval skips that scan.
 */
export class KeyReminderScheduler {
  private stopped = false;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;

  constructor(
    private readonly dataSource: DataSource,
    private readonly leadership: DeliveryLeadership,
    private readonly options: KeyReminderSchedulerOptions,
    private readonly observer: KeyReminderObserver,
  ) {}

  start(): void {
    this.schedule(0);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.tick().finally(() => {
        this.running = undefined;
        this.schedule(this.options.intervalMs);
      });
    }, delayMs);
  }

  private async tick(): Promise<void> {
    try {
      if (!(await this.leadership.held()) || !(await this.senderCaughtUp())) return;
      const started = performance.now();
      const result = await scanKeyReminders(this.dataSource, this.options.now?.() ?? new Date());
      this.observer.onScan(result, performance.now() - started);
    } catch (error) {
      this.observer.onError(error instanceof Error ? error : new Error('reminder scan failed'));
    }
  }

  /** Whether the sender's endpoint list reached the read models' position of now, within the interval. */
  private async senderCaughtUp(): Promise<boolean> {
    const target = await readCheckpoint(this.dataSource.manager, READ_MODELS_PROJECTION);
    if (target === undefined) return true;
    for (const deadline = Date.now() + this.options.intervalMs; !this.stopped; await sleep(CATCH_UP_POLL_MS)) {
      const sender = await readCheckpoint(this.dataSource.manager, WEBHOOK_SENDER_PROJECTION);
      if (sender !== undefined && comparePositions(sender, target) >= 0) return true;
      if (Date.now() >= deadline) return false;
    }
    return false;
  }
}
