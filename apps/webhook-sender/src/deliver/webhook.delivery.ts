import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { loadMasterKeyring, type KeywardConfig } from '@keyward/config';
import type { EventStore } from '@keyward/event-store';
import { outboundPolicyFromEnv } from '@keyward/outbound';
import { EVENT_STORE, KEYWARD_CONFIG, NATS_CONNECTION, READ_MODEL_DATA_SOURCE } from '@keyward/platform';
import type { NatsConnection } from 'nats';
import { WebhookStateQueries } from '@keyward/read-models';
import { MasterKeys, PostgresCredentialVault } from '@keyward/vault';
import { DeliveryLeadership, DeliveryStore, retryScheduleFromEnv, WebhookDeliverer, webhookPolicyFromEnv, webhookRetentionMsFromEnv } from '@keyward/webhooks';
import { DeliveryMetrics } from './delivery.metrics';
import { natsWebhookDisabler } from './webhook.disabler';

const CONCURRENCY = 16;
/** A quarter of the slots: four hanging endpoints of one tenant leave twelve for everyone else. */
const PER_WORKSPACE = 4;
const POLL_MS = 250;

/**
 * The delivery loop of this process. Its settings are read at start, so a malformed one
 * (`KEYWARD_WEBHOOK_RETRY_*`, `…_TIMEOUT_MS`, `…_RETENTION_DAYS`, `KEYWARD_OUTBOUND_*`) stops the service rather than sending wrongly.
 * Logs name endpoints and deliveries, never a secret, signature or payload.
 */
@Injectable()
export class WebhookDelivery implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(WebhookDelivery.name);
  readonly deliverer: WebhookDeliverer;
  /** The one replica of a deployment that delivers; the reminder scan runs there too. */
  readonly leadership: DeliveryLeadership;

  constructor(
    @Inject(EVENT_STORE) store: EventStore,
    @Inject(READ_MODEL_DATA_SOURCE) dataSource: DataSource,
    @Inject(KEYWARD_CONFIG) config: KeywardConfig,
    @Inject(NATS_CONNECTION) nats: NatsConnection,
    metrics: DeliveryMetrics,
  ) {
    const vault = new PostgresCredentialVault(dataSource, new MasterKeys(() => loadMasterKeyring(config)));
    const options = {
      schedule: retryScheduleFromEnv(),
      policy: webhookPolicyFromEnv(outboundPolicyFromEnv()),
      concurrency: CONCURRENCY,
      perWorkspace: PER_WORKSPACE,
      retentionMs: webhookRetentionMsFromEnv(),
      pollMs: POLL_MS,
    };
    this.leadership = new DeliveryLeadership(dataSource, POLL_MS);
    this.deliverer = new WebhookDeliverer(new DeliveryStore(dataSource), this.leadership, new WebhookStateQueries(store), vault, natsWebhookDisabler(nats), options, {
      onAttempt: (outcome, delivery, attempt, detail) => {
        metrics.attempted(outcome, delivery.eventAt, new Date(attempt.attemptedAt.getTime() + attempt.durationMs));
        if (outcome !== 'delivered') this.logger.warn(`delivery ${delivery.id} to webhook ${delivery.webhookId}: ${detail ?? attempt.error ?? 'failed'} (${outcome})`);
      },
      onDisabled: (webhookId, workspaceId, reason) => {
        metrics.endpointDisabled();
        this.logger.warn(`webhook ${webhookId} of workspace ${workspaceId} disabled: ${reason}`);
      },
      onError: (error) => this.logger.warn(`delivery loop: ${error.message}`),
    });
  }

  onApplicationBootstrap(): void {
    this.deliverer.start();
  }

  /** Before `ReadModelModule` closes the data source (the app module shuts down first). */
  async onApplicationShutdown(): Promise<void> {
    await this.deliverer.stop();
  }
}
