import { Module } from '@nestjs/common';
import { EventStoreModule, ObservabilityModule, OpsServerModule, PlatformModule } from '@keyward/platform';
import { ReadModelModule } from '@keyward/platform/read-models';
import { DeliveryMetrics } from './deliver/delivery.metrics';
import { WebhookDelivery } from './deliver/webhook.delivery';
import { WebhookFollower } from './follow/webhook.follower';
import { RateLimitNoticeConsumer } from './rate-limited/rate-limit-notice.consumer';
import { KeyReminders } from './remind/key-reminders.service';

/** /metrics and /health here unless `KEYWARD_WEBHOOK_SENDER_METRICS_PORT` says otherwise. */
const OPS_PORT = 9467;

@Module({
  imports: [ObservabilityModule.forService('webhook-sender'), OpsServerModule.forService('webhook-sender', OPS_PORT), PlatformModule, EventStoreModule, ReadModelModule],
  providers: [DeliveryMetrics, WebhookDelivery, WebhookFollower, KeyReminders, RateLimitNoticeConsumer],
})
export class AppModule {}
