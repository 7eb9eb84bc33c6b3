import { Module } from '@nestjs/common';
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
import { EventFollower } from './follow/event-follower.service';
import { Freshness } from './freshness/freshness';
import { IndexHealth } from './freshness/index.health';
import { KeyIndex } from './key-index/key-index';
import { VerifyMetrics } from './verify/verify.metrics';
import { VerifyResponder } from './verify/verify.responder';

/** How long a verifier may go without reaching the head of the history before it stops answering. */
const STALE_AFTER_MS = Number(process.env.KEYWARD_VERIFIER_STALE_MS ?? 2_000);

/** /metrics and /health here unless `KEYWARD_VERIFIER_METRICS_PORT` says otherwise; a second verifier on the machine takes a free port. */
const OPS_PORT = 9466;

@Module({
  imports: [ObservabilityModule.forService('verifier'), OpsServerModule.forService('verifier', OPS_PORT), PlatformModule, EventStoreModule, PepperModule],
  controllers: [EventsAppendedController],
  providers: [
    KeyIndex,
    { provide: Freshness, useFactory: () => new Freshness(STALE_AFTER_MS) },
    followerLagProvider,
    EventFollower,
    { provide: APPENDED_LISTENER, useExisting: EventFollower },
    IndexHealth,
    VerifyMetrics,
    VerifyResponder,
  ],
})
export class AppModule {}
