import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import type { EventStore } from '@keyward/event-store';
import { EVENT_STORE, HealthChecks, READ_MODEL_DATA_SOURCE } from '@keyward/platform';
import { ProjectionRunner } from '@keyward/read-models';
import { enqueueDeliveries, WEBHOOK_SENDER_PROJECTION } from '@keyward/webhooks';
import { WebhookDelivery } from '../deliver/webhook.delivery';

/**
 * Follows the history with a checkpoint of its own, enqueueing deliveries in the same transaction
 * that moves it: a restart neither loses nor repeats an enqueue. Not a follower any write waits
 * for (it never reports progress on NATS): the store's own wake-ups are enough, and a sender far
 * behind or down delays only the webhooks.
 */
@Injectable()
export class WebhookFollower implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(WebhookFollower.name);
  private readonly runner: ProjectionRunner;
  private caughtUp = false;

  constructor(@Inject(EVENT_STORE) store: EventStore, @Inject(READ_MODEL_DATA_SOURCE) dataSource: DataSource, delivery: WebhookDelivery, health: HealthChecks) {
    this.runner = new ProjectionRunner(WEBHOOK_SENDER_PROJECTION, store, dataSource, enqueueDeliveries, {
      onProgress: (_position, caughtUp) => {
        this.caughtUp ||= caughtUp;
        delivery.deliverer.wake();
      },
      onError: (error) => this.logger.warn(`event store: ${error.message}`),
    });
    health.register('webhookFollower', () => (this.caughtUp ? 'ok' : 'catching-up'));
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.runner.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.runner.stop();
  }
}
