import type { DataSource } from 'typeorm';
import type { DeliveryLeadership } from '../delivery-leadership';
import { followedAsFarAsReadModels } from '../followed-as-far';
import { scanKeyReminders, type KeyReminderScanResult } from './key-reminder.scan';

/** The longest a scan waits for the sender to catch up (a stop waits for it too). */
const CATCH_UP_MS = 5_000;

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

/**
 * Scans for expiring and stale keys every `intervalMs`, on the replica holding the sender's
 * delivery lock only (`DeliveryLeadership`: the replica that delivers is the one that enqueues).
 * The lock saves work, not correctness: `key_reminders` makes a second scanner record nothing.
 * Before a scan it waits until the sender has followed the history as far as the read models
 * had (so that a webhook created before a key is in the sender's endpoint list when the key is
 * found); a sender that does not get there within the interval (5 s at most) skips that scan.
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
      if (!(await this.leadership.held()) || !(await followedAsFarAsReadModels(this.dataSource, Math.min(this.options.intervalMs, CATCH_UP_MS)))) return;
      const started = performance.now();
      const result = await scanKeyReminders(this.dataSource, this.options.now?.() ?? new Date());
      this.observer.onScan(result, performance.now() - started);
    } catch (error) {
      this.observer.onError(error instanceof Error ? error : new Error('reminder scan failed'));
    }
  }
}
