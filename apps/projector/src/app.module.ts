import { Module } from '@nestjs/common';
import {
  EventStoreModule,
  followerLagProvider,
  ObservabilityModule,
  OpsServerModule,
  PlatformModule,
} from '@keyward/platform';
import { ReadModelModule } from '@keyward/platform/read-models';
import { EventChainFollower } from './event-chain/event-chain.follower';
import { ReadModelsProjector } from './read-models/read-models.projector';
import { UsageMetrics } from './usage/usage.metrics';
import { UsageProjector } from './usage/usage.projector';

/** /metrics and /health here unless `KEYWARD_PROJECTOR_METRICS_PORT` says otherwise. */
const OPS_PORT = 9465;

@Module({
  imports: [ObservabilityModule.forService('projector'), OpsServerModule.forService('projector', OPS_PORT), PlatformModule, EventStoreModule, ReadModelModule],
  providers: [
    followerLagProvider,
    EventChainFollower,
    ReadModelsProjector,
    UsageMetrics,
    UsageProjector,
  ],
})
export class AppModule {}
