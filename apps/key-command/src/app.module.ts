import { Module } from '@nestjs/common';
import { EventStoreModule, ObservabilityModule, OpsServerModule, PepperModule, PlatformModule } from '@keyward/platform';
import { CredentialsModule } from './credentials/credentials.module';
import { IdentitiesModule } from './identities/identities.module';
import { KeysModule } from './keys/keys.module';
import { RolesModule } from './roles/roles.module';
import { WebhooksModule } from './webhooks/webhooks.module';
import { WorkspacesModule } from './workspaces/workspaces.module';

/** /metrics and /health here unless `KEYWARD_KEY_COMMAND_METRICS_PORT` says otherwise. */
const OPS_PORT = 9464;

@Module({
  imports: [ObservabilityModule.forService('key-command'), OpsServerModule.forService('key-command', OPS_PORT), PlatformModule, EventStoreModule, PepperModule, KeysModule, RolesModule, WorkspacesModule, CredentialsModule, WebhooksModule, IdentitiesModule],
})
export class AppModule {}
