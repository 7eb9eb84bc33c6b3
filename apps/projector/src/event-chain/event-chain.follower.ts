import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { NatsConnection, Subscription } from 'nats';
import type { DataSource } from 'typeorm';
import { onEventsAppended } from '@keyward/consistency';
import type { EventStore } from '@keyward/event-store';
import { EVENT_STORE, HealthChecks, NATS_CONNECTION, READ_MODEL_DATA_SOURCE } from '@keyward/platform';
import { appendChainLinks, EVENT_CHAIN_PROJECTION, ProjectionRunner } from '@keyward/read-models';

/**
 * Extends the hash chain of the history (product.md 9.6) as events commit, in the order every
 * subscriber sees. A runner and checkpoint of its own, beside the read models' rather than inside
 * them: a rebuild of the read models rewinds theirs and must leave the chain as it is, and the
 * checkpoint's compare-and-set keeps a second projector replica from linking a batch twice.
 */
@Injectable()
export class EventChainFollower implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(EventChainFollower.name);
  private readonly runner: ProjectionRunner;
  private caughtUp = false;
  private appended: Subscription | undefined;

  constructor(
    @Inject(EVENT_STORE) store: EventStore,
    @Inject(NATS_CONNECTION) private readonly nats: NatsConnection,
    @Inject(READ_MODEL_DATA_SOURCE) dataSource: DataSource,
    health: HealthChecks,
  ) {
    this.runner = new ProjectionRunner(EVENT_CHAIN_PROJECTION, store, dataSource, appendChainLinks, {
      onProgress: (_position, caughtUp) => {
        this.caughtUp ||= caughtUp;
      },
      onError: (error) => this.logger.warn(`event chain: ${error.message}`),
    });
    health.register('event-chain', () => (this.caughtUp ? 'ok' : 'catching-up'));
  }

  async onApplicationBootstrap(): Promise<void> {
    this.appended = onEventsAppended(this.nats, (head) => this.runner.wake(head));
    await this.runner.start();
  }

  /** Before `ReadModelModule` closes the data source (the app module shuts down first). */
  async onApplicationShutdown(): Promise<void> {
    this.appended?.unsubscribe();
    await this.runner.stop();
  }
}
