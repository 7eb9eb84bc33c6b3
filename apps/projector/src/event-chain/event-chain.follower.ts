import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import type { EventStore } from '@keyward/event-store';
import { EVENT_STORE, HealthChecks, READ_MODEL_DATA_SOURCE } from '@keyward/platform';
import { appendChainLinks, EVENT_CHAIN_PROJECTION, ProjectionRunner } from '@keyward/read-models';

/**
 * Extends the hash chain of the history (product.md 9.6) as events commit, in the order every
 * subscriber sees. A runner and checkpoint of its own, beside the read models' rather than inside
 * them: a rebuild of the read models rewinds theirs and must leave the chain as it is, and the
 * checkpoint's compare-and-set keeps a second projector replica from linking a batch twice. The
 * store's own wake-ups (PostgreSQL NOTIFY, EventStoreDB's push) are enough here: no one waits on
 * the chain the way a write waits on the read models, so it takes no NATS hint.
 */
@Injectable()
export class EventChainFollower implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(EventChainFollower.name);
  private readonly runner: ProjectionRunner;
  private caughtUp = false;

  constructor(@Inject(EVENT_STORE) store: EventStore, @Inject(READ_MODEL_DATA_SOURCE) dataSource: DataSource, health: HealthChecks) {
    this.runner = new ProjectionRunner(EVENT_CHAIN_PROJECTION, store, dataSource, appendChainLinks, {
      onProgress: (_position, caughtUp) => {
        this.caughtUp ||= caughtUp;
      },
      onError: (error) => this.logger.warn(`event chain: ${error.message}`),
    });
    health.register('eventChain', () => (this.caughtUp ? 'ok' : 'catching-up'));
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.runner.start();
  }

  /** Before `ReadModelModule` closes the data source (the app module shuts down first). */
  async onApplicationShutdown(): Promise<void> {
    await this.runner.stop();
  }
}
