import { Module, type DynamicModule } from '@nestjs/common';
import type { KeywardConfig, VerifierConfig } from '@keyward/config';
import {
  EventStoreModule,
  followerLagProvider,
  KEYWARD_CONFIG,
  ObservabilityModule,
  OpsServerModule,
  PepperModule,
  PlatformModule,
} from '@keyward/platform';
import { Freshness, KeyIndex } from '@keyward/key-index';
import { EventFollower } from './follow/event-follower.service';
import { IndexHealth } from './health/index.health';
import type { IndexSnapshotStore } from './snapshot/index-snapshot.store';
import { INDEX_SNAPSHOT_STORE, IndexSnapshots } from './snapshot/index-snapshots.service';
import { UsageCounter } from './usage/usage.counter';
import { UsageFlusher } from './usage/usage.flusher';
import { RateLimitNotices } from './usage/rate-limit.notices';
import { creditLedgerProvider } from './verify/credit-ledger.provider';
import { rateLimiterProvider } from './verify/rate-limiter.provider';
import { VerifyMetrics } from './verify/verify.metrics';
import { FindKeyResponder } from './verify/find-key.responder';
import { VerifyResponder } from './verify/verify.responder';

/** /metrics and /health here unless `KEYWARD_VERIFIER_METRICS_PORT` says otherwise; a second verifier on the machine takes a free port. */
const OPS_PORT = 9466;

/**
 * Snapshots sit beside a PostgreSQL history, and load its driver only then; an EventStoreDB
 * history has positions of its own, so its verifiers replay.
 */
const snapshotStore = async (config: KeywardConfig): Promise<IndexSnapshotStore | null> =>
  config.eventStoreUrl ? null : (await import('./snapshot/index-snapshot.store')).IndexSnapshotStore.connect(config.databaseUrl);

@Module({
  imports: [ObservabilityModule.forService('verifier'), OpsServerModule.forService('verifier', OPS_PORT), PlatformModule, EventStoreModule, PepperModule],
  providers: [
    KeyIndex,
    { provide: INDEX_SNAPSHOT_STORE, inject: [KEYWARD_CONFIG], useFactory: snapshotStore },
    IndexSnapshots,
    followerLagProvider,
    EventFollower,
    IndexHealth,
    VerifyMetrics,
    { provide: UsageCounter, inject: [KeyIndex], useFactory: (index: KeyIndex) => new UsageCounter(index) },
    UsageFlusher,
    RateLimitNotices,
    VerifyResponder,
    FindKeyResponder,
  ],
})
export class AppModule {
  /** The verifier's own configuration, read and validated by main before anything connects. */
  static withConfig(config: VerifierConfig): DynamicModule {
    return { module: AppModule, providers: [{ provide: Freshness, useValue: new Freshness(config.staleAfterMs) }, rateLimiterProvider(config), creditLedgerProvider(config)] };
  }
}
