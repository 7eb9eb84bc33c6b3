import { Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { EventStoreModule, ObservabilityModule, OpsServerModule, PepperModule, PlatformModule } from '@keyward/platform';
import { CommandLoggingInterceptor } from './commands/command-logging.interceptor';
import { CommandMetrics } from './commands/command.metrics';
import { KeysModule } from './keys/keys.module';
import { RolesModule } from './roles/roles.module';
import { WorkspacesModule } from './workspaces/workspaces.module';

/** /metrics and /health here unless `KEYWARD_KEY_COMMAND_METRICS_PORT` says otherwise. */
const OPS_PORT = 9464;

@Module({
  imports: [ObservabilityModule.forService('key-command'), OpsServerModule.forService('key-command', OPS_PORT), PlatformModule, EventStoreModule, PepperModule, KeysModule, RolesModule, WorkspacesModule],
  providers: [CommandMetrics, { provide: APP_INTERCEPTOR, useClass: CommandLoggingInterceptor }],
})
export class AppModule {}
