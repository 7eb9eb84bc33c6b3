import { Global, Inject, Logger, Module, type OnApplicationShutdown } from '@nestjs/common';
import { connect, type NatsConnection } from 'nats';
import { loadConfig, type KeywardConfig } from '@keyward/config';
import { BusinessClock, businessClockFrom } from './business-clock';
import { NatsLinkState } from './nats-link.state';
import { NATS_RECONNECT } from './nats-reconnect';
import { HealthChecks, reachable } from './observability/health/health-checks';
import { resolvesWithin } from './resolves-within';
import { KEYWARD_CONFIG, NATS_CONNECTION } from './tokens';

const DRAIN_TIMEOUT_MS = 1_000;

/**
 * What every service shares: configuration and one raw NATS connection (for plain-JSON subjects
 * that must not carry the framework envelope). What only some services use — the event store,
 * the pepper, the read models — comes in modules of its own, so a service opens only what it needs.
 */
@Global()
@Module({
  providers: [
    { provide: KEYWARD_CONFIG, useFactory: (): KeywardConfig => loadConfig() },
    {
      provide: NATS_CONNECTION,
      inject: [KEYWARD_CONFIG],
      // noAsyncTraces: nats.js would otherwise build two Error objects (stacks captured) per request
      // for a trace we never log; a timeout is still a NatsError with its code (a 503 either way).
      useFactory: (config: KeywardConfig): Promise<NatsConnection> =>
        connect({ servers: config.natsUrl, name: process.title, noAsyncTraces: true, ...NATS_RECONNECT }),
    },
    { provide: NatsLinkState, inject: [NATS_CONNECTION], useFactory: (nats: NatsConnection): NatsLinkState => new NatsLinkState(nats) },
    { provide: BusinessClock, useFactory: (): BusinessClock => businessClockFrom(process.env) },
  ],
  exports: [KEYWARD_CONFIG, NATS_CONNECTION, NatsLinkState, BusinessClock],
})
export class PlatformModule implements OnApplicationShutdown {
  private readonly logger = new Logger(PlatformModule.name);

  constructor(@Inject(NATS_CONNECTION) private readonly nats: NatsConnection, health: HealthChecks) {
    // A round trip to the server: a closed or reconnecting connection does not pass.
    health.register('nats', reachable(() => (nats.isClosed() ? Promise.reject(new Error('closed')) : nats.flush())));
  }

  /** Drains what is in flight, but a server that is gone must not hold the process up. */
  async onApplicationShutdown(): Promise<void> {
    if (!(await resolvesWithin(this.nats.drain(), DRAIN_TIMEOUT_MS))) this.logger.warn('shutdown: NATS did not drain in time');
    if (!this.nats.isClosed()) await this.nats.close();
  }
}
