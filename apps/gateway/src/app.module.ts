import { Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { EventStoreModule, ObservabilityModule, PlatformModule } from '@keyward/platform';
import { ReadModelModule } from '@keyward/platform/read-models';
import { ApiKeyUsersModule } from './api-key-users/api-key-users.module';
import { AuditModule } from './audit/audit.module';
import { AuthModule } from './auth/auth.module';
import { CredentialsModule } from './credentials/credentials.module';
import { CreditBalancesModule } from './credit-balances/credit-balances.module';
import { WebhooksModule } from './webhooks/webhooks.module';
import { HttpExceptionFilter } from './errors/http-exception.filter';
import { HealthModule } from './health/health.module';
import { GatewayLoggingModule } from './http/gateway-logging.module';
import { IdentitiesModule } from './identities/identities.module';
import { IdempotencyModule } from './idempotency/idempotency.module';
import { KeysModule } from './keys/keys.module';
import { RolesModule } from './roles/roles.module';
import { UsageModule } from './usage/usage.module';
import { WorkspacesModule } from './workspaces/workspaces.module';
import { AuditChainModule } from './audit-chain/audit-chain.module';
import { SessionModule } from './session/session.module';
import { LeaksModule } from './leaks/leaks.module';

@Module({
  imports: [ObservabilityModule.forService('gateway'), GatewayLoggingModule, PlatformModule, CreditBalancesModule, ReadModelModule, EventStoreModule, AuthModule, HealthModule, IdempotencyModule, KeysModule, UsageModule, RolesModule, ApiKeyUsersModule, WorkspacesModule, AuditModule, AuditChainModule, CredentialsModule, WebhooksModule, SessionModule, LeaksModule, IdentitiesModule],
  providers: [{ provide: APP_FILTER, useClass: HttpExceptionFilter }],
})
export class AppModule {}
