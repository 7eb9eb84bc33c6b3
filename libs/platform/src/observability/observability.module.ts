import { Global, Module, type DynamicModule } from '@nestjs/common';
import { HealthChecks } from './health/health-checks';
import { createMetricsRegistry } from './metrics/metrics.registry';
import { METRICS_REGISTRY } from '../tokens';

/** Every service's metrics registry and health checks, which the other platform modules fill in. */
@Global()
@Module({})
export class ObservabilityModule {
  static forService(service: string): DynamicModule {
    return {
      module: ObservabilityModule,
      providers: [{ provide: METRICS_REGISTRY, useFactory: () => createMetricsRegistry(service) }, HealthChecks],
      exports: [METRICS_REGISTRY, HealthChecks],
    };
  }
}
