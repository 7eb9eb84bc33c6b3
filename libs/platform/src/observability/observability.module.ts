import { Global, Module, type DynamicModule } from '@nestjs/common';
import { HealthChecks } from './health/health-checks';
import type { KeywardConfig } from '@keyward/config';
import { createMetricsRegistry } from './metrics/metrics.registry';
import { registerSupervisorRestarts } from './metrics/supervisor-restarts.metrics';
import { KEYWARD_CONFIG, METRICS_REGISTRY } from '../tokens';

/**
 * Every service's metrics registry and health checks, which the other platform modules fill in.
 * The configuration comes from the global `PlatformModule`.
 */
@Global()
@Module({})
export class ObservabilityModule {
  static forService(service: string): DynamicModule {
    return {
      module: ObservabilityModule,
      providers: [
        {
          provide: METRICS_REGISTRY,
          inject: [KEYWARD_CONFIG],
          useFactory: (config: KeywardConfig) => {
            const registry = createMetricsRegistry(service);
            registerSupervisorRestarts(registry, config.supervisorRestarts);
            return registry;
          },
        },
        HealthChecks,
      ],
      exports: [METRICS_REGISTRY, HealthChecks],
    };
  }
}
