import { Module } from '@nestjs/common';
import { CommandsModule } from '../commands/commands.module';
import { CreateWebhookHandler } from './create-webhook.handler';
import { DeleteWebhookHandler } from './delete-webhook.handler';
import { DisableWebhookHandler } from './disable-webhook.handler';
import { RotateWebhookSecretHandler } from './rotate-webhook-secret.handler';
import { UpdateWebhookHandler } from './update-webhook.handler';
import { WebhooksMessageController } from './webhooks.message.controller';

/** Signing secrets arrive sealed by the gateway: nothing here ever holds a plain one. */
@Module({
  imports: [CommandsModule],
  controllers: [WebhooksMessageController],
  providers: [CreateWebhookHandler, UpdateWebhookHandler, RotateWebhookSecretHandler, DeleteWebhookHandler, DisableWebhookHandler],
})
export class WebhooksModule {}
