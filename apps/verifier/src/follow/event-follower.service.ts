import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { NatsConnection } from 'nats';
import { FollowerAnnouncer } from '@keyward/consistency';
import type { EventStore, Position, RecordedEvent, Subscription } from '@keyward/event-store';
import { EVENT_STORE, NATS_CONNECTION, type AppendedListener } from '@keyward/platform';
import { Freshness } from '../freshness/freshness';
import { KeyIndex } from '../key-index/key-index';

/**
 * Feeds the index from the whole history, then follows it live. The verifier keeps no
 * checkpoint: the index lives in memory, so a restart rebuilds it and answers only once caught up.
 */
@Injectable()
export class EventFollower implements AppendedListener, OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(EventFollower.name);
  private readonly announcer: FollowerAnnouncer;
  private subscription: Subscription | undefined;
  private applied: Position | undefined;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(NATS_CONNECTION) nats: NatsConnection,
    private readonly index: KeyIndex,
    private readonly freshness: Freshness,
  ) {
    this.announcer = new FollowerAnnouncer(nats, { followerId: `verifier-${randomUUID()}`, kind: 'verifier' });
  }

  onApplicationBootstrap(): void {
    this.announcer.start();
    this.subscription = this.store.subscribeToAll(
      { batchSize: 1_000 },
      {
        onEvents: async (events) => this.apply(events),
        onLive: (position) => {
          const first = !this.freshness.isCaughtUp;
          this.freshness.markLive(position, Date.now());
          if (first) {
            this.logger.log(`caught up: ${this.index.size} keys indexed`);
            this.announcer.report(this.applied, true);
          }
        },
        onError: (error) => this.logger.warn(`event store: ${error.message}`),
      },
    );
  }

  /** A hint from the bus that events were appended up to `head`. */
  noteAppended(head: Position): void {
    this.freshness.noteHead(head, Date.now());
    this.subscription?.wake();
  }

  async onApplicationShutdown(): Promise<void> {
    this.announcer.stop();
    await this.subscription?.stop();
  }

  private apply(events: readonly RecordedEvent[]): void {
    for (const event of events) {
      try {
        this.index.apply(event);
      } catch (error) {
        // One bad event must not stop the index: skip it, naming where it is (never its data).
        this.logger.error(`skipped ${event.type} at ${event.streamId}@${event.streamVersion}: ${error instanceof Error ? error.message : 'unreadable'}`);
      }
    }
    this.applied = events[events.length - 1]?.position ?? this.applied;
    this.freshness.markApplied(this.applied, Date.now());
    this.announcer.report(this.applied, this.freshness.isCaughtUp);
  }
}
