import type { DataSource, EntityManager } from 'typeorm';
import type { EventStore, Position, RecordedEvent, Subscription } from '@keyward/event-store';
import { advanceCheckpoint, CheckpointMovedError, readCheckpoint } from './checkpoints/checkpoint.store';

export type ProjectEvent = (manager: EntityManager, event: RecordedEvent) => Promise<void>;

export interface ProjectionObserver {
  /** After each committed batch, and once caught up (`caughtUp` then stays true). */
  onProgress?(position: Position | undefined, caughtUp: boolean): void;
  onError?(error: Error): void;
}

/**
 * Runs one projection: rows and checkpoint change in one transaction per batch, so a crash
 * can neither skip nor double-apply an event. A replica that loses the compare-and-set on the
 * checkpoint resubscribes from wherever the winner got to.
 */
export class ProjectionRunner {
  private subscription: Subscription | undefined;
  private checkpoint: Position | undefined;
  private caughtUp = false;
  private stopped = false;

  constructor(
    private readonly name: string,
    private readonly store: EventStore,
    private readonly dataSource: DataSource,
    private readonly project: ProjectEvent,
    private readonly observer: ProjectionObserver = {},
  ) {}

  async start(): Promise<void> {
    this.checkpoint = await readCheckpoint(this.dataSource.manager, this.name);
    this.subscription = this.store.subscribeToAll(
      { after: this.checkpoint, batchSize: 500 },
      {
        onEvents: (events) => this.applyBatch(events),
        onLive: () => {
          this.caughtUp = true;
          this.observer.onProgress?.(this.checkpoint, true);
        },
        onError: (error) => this.observer.onError?.(error),
      },
    );
  }

  wake(): void {
    this.subscription?.wake();
  }

  get position(): Position | undefined {
    return this.checkpoint;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.subscription?.stop();
  }

  private async applyBatch(events: readonly RecordedEvent[]): Promise<void> {
    const last = events[events.length - 1];
    if (!last) return;
    try {
      await this.dataSource.transaction(async (manager) => {
        for (const event of events) await this.project(manager, event);
        await advanceCheckpoint(manager, this.name, this.checkpoint, last.position);
      });
    } catch (error) {
      if (!(error instanceof CheckpointMovedError)) throw error;
      void this.restart();
      return;
    }
    this.checkpoint = last.position;
    this.observer.onProgress?.(this.checkpoint, this.caughtUp);
  }

  private async restart(): Promise<void> {
    await this.subscription?.stop();
    if (!this.stopped) await this.start();
  }
}
