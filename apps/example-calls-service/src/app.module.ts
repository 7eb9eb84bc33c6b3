import { Module, type DynamicModule } from '@nestjs/common';
import { KeywardModule } from '@keyward/client';
import { CallsModule } from './calls/calls.module';
import type { ExampleConfig } from './example.config';
import { HealthModule } from './health/health.module';
import { WorkflowsModule } from './workflows/workflows.module';

/** A downstream service: every route but /health checks the caller's Keyward key over NATS. */
@Module({})
export class AppModule {
  static with(config: ExampleConfig): DynamicModule {
    return { module: AppModule, imports: [KeywardModule.forRoot({ natsUrl: config.natsUrl }), HealthModule, CallsModule, WorkflowsModule] };
  }
}
