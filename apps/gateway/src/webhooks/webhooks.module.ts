import { Module } from '@nestjs/common';
import type { EventStore } from '@keyward/event-store';
import type { DataSource } from 'typeorm';
import { EVENT_STORE, READ_MODEL_DATA_SOURCE } from '@keyward/platform';
import { WebhookQueries, WebhookStateQueries } from '@keyward/read-models';
import { DeliveryQueries } from '@keyward/webhooks';
import { CommandsModule } from '../commands/commands.module';
import { credentialVaultProvider } from '../credentials/credential-vault.provider';
import { outboundPolicyProvider } from '../credentials/send-request/outbound-policy.provider';
import { CreateWebhookHttpController } from './create-webhook.http.controller';
import { DeleteWebhookHttpController } from './delete-webhook.http.controller';
import { GetWebhookHttpController } from './get-webhook.http.controller';
import { ListDeliveriesHttpController } from './list-deliveries.http.controller';
import { ListWebhooksHttpController } from './list-webhooks.http.controller';
import { RotateWebhookSecretHttpController } from './rotate-webhook-secret.http.controller';
import { UpdateWebhookHttpController } from './update-webhook.http.controller';
import { WebhookSecrets } from './webhook-secrets';
import { WebhookWriter } from './webhook.writer';

/** Endpoints from the webhook table, deliveries from the sender's tables; writes go to key-command with the secret sealed here. */
@Module({
  imports: [CommandsModule],
  providers: [
    credentialVaultProvider,
    outboundPolicyProvider,
    WebhookSecrets,
    WebhookWriter,
    { provide: WebhookStateQueries, inject: [EVENT_STORE], useFactory: (store: EventStore) => new WebhookStateQueries(store) },
    { provide: WebhookQueries, inject: [READ_MODEL_DATA_SOURCE], useFactory: (dataSource: DataSource) => new WebhookQueries(dataSource) },
    { provide: DeliveryQueries, inject: [READ_MODEL_DATA_SOURCE], useFactory: (dataSource: DataSource) => new DeliveryQueries(dataSource) },
  ],
  controllers: [
    ListWebhooksHttpController,
    GetWebhookHttpController,
    CreateWebhookHttpController,
    UpdateWebhookHttpController,
    RotateWebhookSecretHttpController,
    DeleteWebhookHttpController,
    ListDeliveriesHttpController,
  ],
})
export class WebhooksModule {}
