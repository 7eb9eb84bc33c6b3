import { Module, type DynamicModule } from '@nestjs/common';
import type { Registry } from 'prom-client';
import type { KeywardConfig } from '@keyward/config';
import { HealthChecks } from './health/health-checks';
import { OpsHttpServer } from './ops-http.server';
import { KEYWARD_CONFIG, METRICS_REGISTRY } from '../tokens';

/**
 * The /metrics and /health listener of a NATS-only service, on `KEYWARD_METRICS_PORT` or the
 * service's default port (0: any free port; the chosen one is logged). Needs `ObservabilityModule`.
 */
@Module({})
export class OpsServerModule {
  static forService(defaultPort: number): DynamicModule {
    return {
      module: OpsServerModule,
      providers: [
        {
          provide: OpsHttpServer,
          inject: [METRICS_REGISTRY, HealthChecks, KEYWARD_CONFIG],
          useFactory: (registry: Registry, health: HealthChecks, config: KeywardConfig) =>
            new OpsHttpServer(registry, health, config.metricsPort === undefined ? { port: defaultPort, configured: false } : { port: config.metricsPort, configured: true }),
        },
      ],
    };
  }
}
