import type { DataSource, EntityManager } from 'typeorm';
import { comparePositions, type EventStore, type Position, type RecordedEvent, type Subscription } from '@keyward/event-store';
import { advanceCheckpoint, CheckpointMovedError, readCheckpoint } from './checkpoints/checkpoint.store';
import { ANALYZE_AFTER_EVENTS, TableStatistics } from './table-statistics';

/** Applies a batch of events, in order, inside the runner's transaction. */
export type ProjectEvents = (manager: EntityManager, events: readonly RecordedEvent[]) => Promise<void>;

export interface ProjectionObserver {
  /** After each committed batch, and once caught up (`caughtUp` then stays true). */
  onProgress?(position: Position | undefined, caughtUp: boolean): void;
  onError?(error: Error): void;
}

export interface ProjectionRunnerOptions {
  /** Events applied before the tables are analyzed on reaching the head (`ANALYZE_AFTER_EVENTS`). */
  readonly analyzeAfterEvents?: number;
}

const samePosition = (a: Position | undefined, b: Position | undefined): boolean => (a && b ? comparePositions(a, b) === 0 : a === b);

/**
 * Runs one projection: rows and checkpoint change in one transaction per batch, so a crash
 * can neither skip nor double-apply an event. After any failed batch the checkpoint in the
 * database is the truth, not the one in memory: the commit may have landed with its
 * acknowledgement lost (PostgreSQL stopped under it), or another replica won the compare-and-set
 * (`CheckpointMovedError`, followed at once). Either way the runner resubscribes from what is
 * stored. The projections are idempotent too, so an event applied twice would still be harmless.
 * On reaching the head after a bulk of events (a rebuild, a long catch-up), it analyzes the
 * tables before it reports being caught up, so that reads plan with statistics of what is there.
 */
export class ProjectionRunner {
  private subscription: Subscription | undefined;
  private checkpoint: Position | undefined;
  /** Set when a batch failed: whether it was committed is known only to the database. */
  private checkpointInDoubt = false;
  private caughtUp = false;
  private stopped = false;
  private readonly statistics: TableStatistics;
  /** What `onLive` started: the next batch waits for it, so progress is reported in order. */
  private atHead: Promise<void> = Promise.resolve();

  constructor(
    private readonly name: string,
    private readonly store: EventStore,
    private readonly dataSource: DataSource,
    private readonly project: ProjectEvents,
    private readonly observer: ProjectionObserver = {},
    options: ProjectionRunnerOptions = {},
  ) {
    this.statistics = new TableStatistics(dataSource, options.analyzeAfterEvents ?? ANALYZE_AFTER_EVENTS);
  }

  async start(): Promise<void> {
    this.checkpoint = await readCheckpoint(this.dataSource.manager, this.name);
    this.subscribe();
  }

  private subscribe(): void {
    this.subscription = this.store.subscribeToAll(
      { after: this.checkpoint, batchSize: 500 },
      {
        onEvents: (events) => this.applyBatch(events),
        onLive: () => {
          this.atHead = this.atHead.then(() => this.reachedHead());
        },
        onError: (error) => this.observer.onError?.(error),
      },
    );
  }

  /** A hint that events were appended up to `head`; the subscription skips it once past. */
  wake(head?: Position): void {
    this.subscription?.wake(head);
  }

  get position(): Position | undefined {
    return this.checkpoint;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.subscription?.stop();
    await this.atHead;
  }

  /** Never rejects: statistics that could not be refreshed now are refreshed at the next head. */
  private async reachedHead(): Promise<void> {
    // TypeORM and pg reject with Errors only.
    await this.statistics.refreshIfDue().catch((error: Error) => this.observer.onError?.(error));
    if (this.stopped) return;
    this.caughtUp = true;
    this.observer.onProgress?.(this.checkpoint, true);
  }

  private async applyBatch(events: readonly RecordedEvent[]): Promise<void> {
    const last = events[events.length - 1];
    if (!last) return;
    await this.atHead;
    // Throws while the database is still down: the subscription retries the batch after a pause.
    if (this.checkpointInDoubt && (await this.resubscribedFromStored())) return;
    try {
      await this.dataSource.transaction(async (manager) => {
        await this.project(manager, events);
        await advanceCheckpoint(manager, this.name, this.checkpoint, last.position);
      });
    } catch (error) {
      this.checkpointInDoubt = true;
      // Another replica applied this batch first: not a failure, so follow it at once, with no
      // error reported and no retry pause. Reading where it got to may still fail: then retry.
      if (error instanceof CheckpointMovedError && (await this.resubscribedFromStored())) return;
      throw error;
    }
    this.checkpoint = last.position;
    this.statistics.noteApplied(events.length);
    this.observer.onProgress?.(this.checkpoint, this.caughtUp);
  }

  /** Re-reads the stored checkpoint; if it is not where this runner stood, follows from there instead. */
  private async resubscribedFromStored(): Promise<boolean> {
    const stored = await readCheckpoint(this.dataSource.manager, this.name);
    this.checkpointInDoubt = false;
    if (samePosition(stored, this.checkpoint)) return false;
    this.checkpoint = stored;
    this.observer.onProgress?.(this.checkpoint, this.caughtUp);
    // Not awaited: stopping the subscription waits for this very handler to return.
    void this.resubscribe();
    return true;
  }

  private async resubscribe(): Promise<void> {
    await this.subscription?.stop();
    if (!this.stopped) this.subscribe();
  }
}
