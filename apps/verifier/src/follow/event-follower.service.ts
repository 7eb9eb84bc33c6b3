import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { Events, type NatsConnection, type Subscription as NatsSubscription } from 'nats';
import { FollowerAnnouncer, onEventsAppended, onWriteAcknowledged } from '@keyward/consistency';
import { positionToToken, type EventStore, type Position, type RecordedEvent, type Subscription } from '@keyward/event-store';
import { EVENT_STORE, FollowerLagMetrics, NATS_CONNECTION, resolvesWithin } from '@keyward/platform';
import { Freshness, KeyIndex, MalformedEventError } from '@keyward/key-index';
import { collectGarbage } from '../memory/collect-garbage';
import { IndexSnapshots } from '../snapshot/index-snapshots.service';

/** Names from the store, bounded and without control characters, so a log line stays one line. */
const printable = (text: string): string => text.slice(0, 120).replace(/[^\x20-\x7e]/g, '?');

/** Enough to name every foreign type once, not so many that a stream of junk types fills memory. */
const MAX_IGNORED_TYPES = 100;
/** A round trip to the NATS server, to know the acknowledgement subscription is in place. */
const SUBSCRIBED_MS = 2_000;
/**
 * Events per read while catching up. Larger batches save round trips, but each batch's parsed rows
 * grow the heap the index then lives in: at 100,000 keys, 5,000 per read left 750–790 bytes of
 * resident memory per key after a replay, 1,000 per read 630–660 (bench:verify, same run).
 */
const BATCH_SIZE = 1_000;

/**
 * Feeds the index from the history, then follows it live: from the newest snapshot of the index
 * when there is a usable one, from the start otherwise. Either way a restarted verifier answers
 * only once caught up.
 */
@Injectable()
export class EventFollower implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(EventFollower.name);
  private readonly announcer: FollowerAnnouncer;
  /** How this verifier names itself in its progress reports, which writers wait on. */
  readonly followerId = `verifier-${randomUUID()}`;
  private subscription: Subscription | undefined;
  private applied: Position | undefined;
  /** Types of events this version does not read, each logged once (a catch-up may hold many). */
  private readonly ignoredTypes = new Set<string>();
  private acknowledgements: NatsSubscription | undefined;
  private appended: NatsSubscription | undefined;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(NATS_CONNECTION) private readonly nats: NatsConnection,
    private readonly index: KeyIndex,
    private readonly freshness: Freshness,
    private readonly lag: FollowerLagMetrics,
    private readonly snapshots: IndexSnapshots,
  ) {
    this.announcer = new FollowerAnnouncer(nats, { followerId: this.followerId, kind: 'verifier' });
  }

  /**
   * Listens for acknowledged writes before reading the history, so none can slip between the read
   * and the subscription; a connection that drops distrusts the index until the store is read again.
   */
  async onApplicationBootstrap(): Promise<void> {
    this.acknowledgements = onWriteAcknowledged(this.nats, (position) => {
      this.freshness.noteAcknowledged(position);
      // Every write that waited for this verifier is acknowledged after it applied it: nothing to read then.
      this.subscription?.wake(position);
    });
    this.appended = onEventsAppended(this.nats, (head) => this.noteAppended(head));
    void this.watchConnection();
    if (!(await resolvesWithin(this.nats.flush(), SUBSCRIBED_MS))) this.freshness.noteBusLost();
    this.announcer.start();
    // Before the subscription: it starts after the snapshot's position, which the index then reflects.
    this.applied = await this.snapshots.restore(this.index);
    this.freshness.markApplied(this.applied);
    this.subscription = this.store.subscribeToAll(
      { after: this.applied, batchSize: BATCH_SIZE },
      {
        onEvents: async (events) => this.apply(events),
        onLive: (position) => {
          const first = !this.freshness.isCaughtUp;
          const disbelieved = this.freshness.markLive(position, Date.now());
          if (disbelieved) this.logger.warn(`ignored an acknowledgement of ${positionToToken(disbelieved)}: the store holds no such write`);
          this.lag.noteApplied(position, true);
          if (first) {
            this.logger.log(`caught up: ${this.index.size} keys indexed`);
            this.announcer.report(this.applied, true);
            // Begins before the verify subscription is made (it waits for a microtask), so the longer pause falls on no request.
            void collectGarbage();
          }
          this.snapshots.afterLive(this.index, this.applied);
        },
        onError: (error) => this.logger.warn(`event store: ${error.message}`),
      },
    );
  }

  /** A hint from the bus that events were appended up to `head`. */
  private noteAppended(head: Position): void {
    this.lag.noteHead(head);
    this.subscription?.wake(head);
  }

  async onApplicationShutdown(): Promise<void> {
    this.acknowledgements?.unsubscribe();
    this.appended?.unsubscribe();
    this.announcer.stop();
    await this.subscription?.stop();
  }

  private async watchConnection(): Promise<void> {
    for await (const status of this.nats.status()) {
      if (status.type !== Events.Disconnect && status.type !== Events.Reconnect) continue;
      this.freshness.noteBusLost();
      this.subscription?.wake();
    }
  }

  /**
   * Applies a batch, then reports its last position, whatever the events were: key, role or
   * workspace events, skipped bad ones, ignored foreign ones. A writer waiting for that position
   * (a role edit, a plan change) may then answer, as every verify here already reflects it.
   */
  private apply(events: readonly RecordedEvent[]): void {
    for (const event of events) this.applyOne(event);
    this.snapshots.noteApplied(events.length);
    this.applied = events[events.length - 1]?.position ?? this.applied;
    this.freshness.markApplied(this.applied);
    this.lag.noteApplied(this.applied, this.freshness.isCaughtUp);
    this.announcer.report(this.applied, this.freshness.isCaughtUp);
  }

  private applyOne(event: RecordedEvent): void {
    try {
      if (this.index.apply(event) === 'ignored' && !this.ignoredTypes.has(event.type) && this.ignoredTypes.size < MAX_IGNORED_TYPES) {
        this.ignoredTypes.add(event.type);
        this.logger.log(`ignoring events of type ${printable(event.type)}: the index does not read them`);
      }
    } catch (error) {
      // One bad event must not stop the index: skip it, saying where it is and which field is bad,
      // never its data. Other errors' messages may quote values, so only their name is logged.
      const why = error instanceof MalformedEventError ? error.message : error instanceof Error ? error.name : 'unreadable';
      this.logger.error(`skipped ${printable(event.type)} at ${printable(event.streamId)}@${event.streamVersion}: ${why}`);
    }
  }
}
