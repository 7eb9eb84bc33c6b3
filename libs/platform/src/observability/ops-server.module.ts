import { Module, type DynamicModule } from '@nestjs/common';
import type { Registry } from 'prom-client';
import { metricsPortVariable, type KeywardConfig, type OpsService } from '@keyward/config';
import { HealthChecks } from './health/health-checks';
import { OpsHttpServer } from './ops-http.server';
import { KEYWARD_CONFIG, METRICS_REGISTRY } from '../tokens';

/**
 * The /metrics and /health listener of a NATS-only service, on its own variable
 * (`KEYWARD_<SERVICE>_METRICS_PORT`) or its default port (0: any free port; the chosen one is
 * logged). Needs `ObservabilityModule`.
 */
@Module({})
export class OpsServerModule {
  static forService(service: OpsService, defaultPort: number): DynamicModule {
    return {
      module: OpsServerModule,
      providers: [
        {
          provide: OpsHttpServer,
          inject: [METRICS_REGISTRY, HealthChecks, KEYWARD_CONFIG],
          useFactory: (registry: Registry, health: HealthChecks, config: KeywardConfig) => {
            const configured = config.metricsPorts[service];
            return new OpsHttpServer(registry, health, { port: configured ?? defaultPort, configured: configured !== undefined, variable: metricsPortVariable(service) });
          },
        },
      ],
    };
  }
}
