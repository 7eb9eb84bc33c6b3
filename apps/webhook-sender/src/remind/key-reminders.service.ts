import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { millisecondsFromEnv } from '@keyward/config';
import { READ_MODEL_DATA_SOURCE } from '@keyward/platform';
import { KeyReminderScheduler } from '@keyward/webhooks';
import { DeliveryMetrics } from '../deliver/delivery.metrics';
import { WebhookDelivery } from '../deliver/webhook.delivery';

const DEFAULT_INTERVAL_MS = 60_000;
const MAX_INTERVAL_MS = 24 * 60 * 60 * 1000;

/**
 * Expiring and stale keys (product.md 9.3): a scan every `KEYWARD_REMINDER_INTERVAL_MS` (default a
 * minute) on the replica that holds the delivery lock, whose deliveries go out at once.
 */
@Injectable()
export class KeyReminders implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(KeyReminders.name);
  private readonly scheduler: KeyReminderScheduler;

  constructor(@Inject(READ_MODEL_DATA_SOURCE) dataSource: DataSource, delivery: WebhookDelivery, metrics: DeliveryMetrics) {
    const intervalMs = millisecondsFromEnv(process.env, 'KEYWARD_REMINDER_INTERVAL_MS', DEFAULT_INTERVAL_MS, MAX_INTERVAL_MS);
    this.scheduler = new KeyReminderScheduler(dataSource, delivery.leadership, { intervalMs }, {
      onScan: (result, durationMs) => {
        for (const [kind, count] of Object.entries(result.reminded)) metrics.noticed(kind, count);
        if (result.deliveries > 0) delivery.deliverer.wake();
        const sent = result.reminded['key.expiring'] + result.reminded['key.stale'];
        if (sent > 0) this.logger.log(`reminders: ${result.reminded['key.expiring']} expiring, ${result.reminded['key.stale']} stale (${result.deliveries} deliveries, ${Math.round(durationMs)} ms)`);
      },
      onError: (error) => this.logger.warn(`reminder scan: ${error.message}`),
    });
  }

  onApplicationBootstrap(): void {
    this.scheduler.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.scheduler.stop();
  }
}
