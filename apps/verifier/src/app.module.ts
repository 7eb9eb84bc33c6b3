import { Module, type DynamicModule } from '@nestjs/common';
import type { VerifierConfig } from '@keyward/config';
import {
  APPENDED_LISTENER,
  EventsAppendedController,
  EventStoreModule,
  followerLagProvider,
  ObservabilityModule,
  OpsServerModule,
  PepperModule,
  PlatformModule,
} from '@keyward/platform';
import { Freshness, KeyIndex } from '@keyward/key-index';
import { EventFollower } from './follow/event-follower.service';
import { IndexHealth } from './health/index.health';
import { VerifyMetrics } from './verify/verify.metrics';
import { VerifyResponder } from './verify/verify.responder';

/** /metrics and /health here unless `KEYWARD_VERIFIER_METRICS_PORT` says otherwise; a second verifier on the machine takes a free port. */
const OPS_PORT = 9466;

@Module({
  imports: [ObservabilityModule.forService('verifier'), OpsServerModule.forService('verifier', OPS_PORT), PlatformModule, EventStoreModule, PepperModule],
  controllers: [EventsAppendedController],
  providers: [
    KeyIndex,
    followerLagProvider,
    EventFollower,
    { provide: APPENDED_LISTENER, useExisting: EventFollower },
    IndexHealth,
    VerifyMetrics,
    VerifyResponder,
  ],
})
export class AppModule {
  /** The verifier's own configuration, read and validated by main before anything connects. */
  static withConfig(config: VerifierConfig): DynamicModule {
    return { module: AppModule, providers: [{ provide: Freshness, useValue: new Freshness(config.staleAfterMs) }] };
  }
}
