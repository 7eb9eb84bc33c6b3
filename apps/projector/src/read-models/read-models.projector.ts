import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { NatsConnection, Subscription } from 'nats';
import type { DataSource } from 'typeorm';
import { FollowerAnnouncer, onEventsAppended } from '@keyward/consistency';
import type { EventStore, Position } from '@keyward/event-store';
import { EVENT_STORE, FollowerLagMetrics, HealthChecks, NATS_CONNECTION, READ_MODEL_DATA_SOURCE } from '@keyward/platform';
import { ProjectionRunner, READ_MODELS_PROJECTION } from '@keyward/read-models';
import { projectAndShred } from './shred-deleted-credentials';

/**
 * Keeps the read models (keys, roles, workspaces, credentials) in step with the history: one runner and one
 * checkpoint for all tables, so a write the gateway waited for is in every table at once.
 */
@Injectable()
export class ReadModelsProjector implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(ReadModelsProjector.name);
  private readonly announcer: FollowerAnnouncer;
  private readonly runner: ProjectionRunner;
  private caughtUp = false;
  private appended: Subscription | undefined;

  constructor(
    @Inject(EVENT_STORE) store: EventStore,
    @Inject(NATS_CONNECTION) private readonly nats: NatsConnection,
    @Inject(READ_MODEL_DATA_SOURCE) dataSource: DataSource,
    private readonly lag: FollowerLagMetrics,
    health: HealthChecks,
  ) {
    this.announcer = new FollowerAnnouncer(nats, { followerId: `projector-${randomUUID()}`, kind: 'projector' });
    this.runner = new ProjectionRunner(READ_MODELS_PROJECTION, store, dataSource, projectAndShred, {
      onProgress: (position, caughtUp) => {
        this.caughtUp ||= caughtUp;
        this.lag.noteApplied(position, caughtUp);
        this.announcer.report(position, caughtUp);
      },
      onError: (error) => this.logger.warn(`event store: ${error.message}`),
    });
    health.register('projection', () => (this.caughtUp ? 'ok' : 'catching-up'));
  }

  async onApplicationBootstrap(): Promise<void> {
    this.announcer.start();
    this.appended = onEventsAppended(this.nats, (head) => this.noteAppended(head));
    await this.runner.start();
  }

  private noteAppended(head: Position): void {
    this.lag.noteHead(head);
    // PostgreSQL's NOTIFY may have woken the runner for the same events already: the subscription skips it then.
    this.runner.wake(head);
  }

  /** Runs before `ReadModelModule` (which owns the data source) closes it: the app module shuts down first. */
  async onApplicationShutdown(): Promise<void> {
    this.appended?.unsubscribe();
    this.announcer.stop();
    await this.runner.stop();
  }
}
