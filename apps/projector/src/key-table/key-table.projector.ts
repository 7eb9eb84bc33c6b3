import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { NatsConnection } from 'nats';
import type { DataSource } from 'typeorm';
import { FollowerAnnouncer } from '@keyward/consistency';
import type { EventStore } from '@keyward/event-store';
import { EVENT_STORE, NATS_CONNECTION, READ_MODEL_DATA_SOURCE, type AppendedListener } from '@keyward/platform';
import { ProjectionRunner, projectKeyEvent } from '@keyward/read-models';


/** Keeps the key table (product.md section 7's list) in step with the history. */
@Injectable()
export class KeyTableProjector implements AppendedListener, OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(KeyTableProjector.name);
  private readonly announcer: FollowerAnnouncer;
  private readonly runner: ProjectionRunner;

  constructor(
    @Inject(EVENT_STORE) store: EventStore,
    @Inject(NATS_CONNECTION) nats: NatsConnection,
    @Inject(READ_MODEL_DATA_SOURCE) private readonly dataSource: DataSource,
  ) {
    this.announcer = new FollowerAnnouncer(nats, { followerId: `projector-${randomUUID()}`, kind: 'projector' });
    this.runner = new ProjectionRunner('key-table', store, dataSource, projectKeyEvent, {
      onProgress: (position, caughtUp) => this.announcer.report(position, caughtUp),
      onError: (error) => this.logger.warn(`event store: ${error.message}`),
    });
  }

  async onApplicationBootstrap(): Promise<void> {
    this.announcer.start();
    await this.runner.start();
  }

  noteAppended(): void {
    this.runner.wake();
  }

  async onApplicationShutdown(): Promise<void> {
    this.announcer.stop();
    await this.runner.stop();
    await this.dataSource.destroy();
  }
}
