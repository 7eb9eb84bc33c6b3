import {
  ANY,
  BACKWARDS,
  END,
  EventStoreDBClient,
  FORWARDS,
  NO_STREAM,
  START,
  STREAM_EXISTS,
  StreamNotFoundError,
  WrongExpectedVersionError,
  jsonEvent,
  type AppendExpectedRevision,
  type JSONType,
  type ReadPosition,
} from '@eventstore/db-client';
import { ConcurrencyError } from '../concurrency.error';
import type { DomainEvent } from '@keyward/contracts';
import { matchesEventFilter } from '../event-filter';
import { streamOf } from '../stream-of';
import type {
  AppendOptions,
  AppendResult,
  EventStore,
  EventToAppend,
  ExpectedVersion,
  ReadAllOptions,
  ReadStreamResult,
  RecordedEvent,
  Subscription,
  SubscriptionHandlers,
  UnchangedStream,
} from '../event-store.port';
import { comparePositions, type Position } from '../position';
import { EventStoreDbAllSubscription } from './all-stream-subscription';
import { resolvedToRecordedEvent } from './resolved-to-recorded-event';

const DEFAULT_BATCH_SIZE = 500;

const toRevision = (expected: ExpectedVersion): AppendExpectedRevision =>
  expected === 'any' ? ANY : expected === 'no_stream' ? NO_STREAM : expected === 'stream_exists' ? STREAM_EXISTS : expected;

/**
 * The event store on EventStoreDB/KurrentDB, for users who run one (`EVENTSTORE_URL`). Its `$all`
 * is in commit order, so (commit, prepare) positions never go back and nothing can appear
 * behind a position already read: there are no open transactions to wait for.
 */
export class EventStoreDbEventStore implements EventStore {
  private readonly subscriptions = new Set<Subscription>();

  constructor(private readonly client: EventStoreDBClient) {}

  /** E.g. `esdb://localhost:2113?tls=false`. */
  static fromConnectionString(connectionString: string): EventStoreDbEventStore {
    return new EventStoreDbEventStore(EventStoreDBClient.connectionString(connectionString));
  }

  async appendToStream(streamId: string, events: readonly EventToAppend[], options: AppendOptions): Promise<AppendResult> {
    if (events.length === 0) throw new Error('an append needs at least one event');
    if (options.unchanged) await this.checkUnchanged(options.unchanged);
    try {
      const result = await this.client.appendToStream(
        streamId,
        events.map((e) => jsonEvent({ id: e.eventId, type: e.type, data: e.data as JSONType, metadata: e.metadata as unknown as JSONType })),
        { expectedRevision: toRevision(options.expectedVersion) },
      );
      if (!result.position) throw new Error('EventStoreDB did not return a position for the append');
      return { nextExpectedVersion: result.nextExpectedRevision, position: { commit: result.position.commit, prepare: result.position.prepare } };
    } catch (error) {
      if (error instanceof WrongExpectedVersionError) {
        const actual = typeof error.actualVersion === 'bigint' ? error.actualVersion : null;
        throw new ConcurrencyError(streamId, options.expectedVersion, actual);
      }
      throw error;
    }
  }

  /**
   * EventStoreDB has no condition on a second stream, so it is checked just before the append: a
   * change in between goes unseen, as when the decision read that stream itself.
   */
  private async checkUnchanged({ streamId, version }: UnchangedStream): Promise<void> {
    let actual: bigint | null = null;
    try {
      for await (const resolved of this.client.readStream(streamId, { direction: BACKWARDS, fromRevision: END, maxCount: 1 })) actual = resolved.event?.revision ?? null;
    } catch (error) {
      if (!(error instanceof StreamNotFoundError)) throw error;
    }
    if (actual !== version) throw new ConcurrencyError(streamId, version ?? 'no_stream', actual);
  }

  async readStream<E extends DomainEvent = DomainEvent>(streamId: string): Promise<ReadStreamResult<E>> {
    const events: RecordedEvent[] = [];
    try {
      for await (const resolved of this.client.readStream(streamId, { direction: FORWARDS, fromRevision: START })) {
        const recorded = resolvedToRecordedEvent(resolved);
        if (recorded) events.push(recorded);
      }
    } catch (error) {
      if (error instanceof StreamNotFoundError) return streamOf<E>([]);
      throw error;
    }
    return streamOf<E>(events);
  }

  /** $all holds system events besides ours: only reading them all would tell. */
  countEvents(): Promise<undefined> {
    return Promise.resolve(undefined);
  }

  /**
   * Reading `$all` takes no server-side filter, so pages are read until `maxCount` events that
   * are not the server's own were found or the end was reached: a page of system events only
   * must not look like the end. A read from a position includes the event at it, hence the
   * comparison with the last one seen.
   */
  /** A filter is applied here, page by page: the server filters by type and stream prefix only, not metadata. */
  async readAll(options: ReadAllOptions): Promise<readonly RecordedEvent[]> {
    const events: RecordedEvent[] = [];
    if (options.maxCount <= 0) return events;
    const pageSize = options.maxCount + 1;
    let cursor = options.after;
    for (;;) {
      const from: ReadPosition = cursor ?? START;
      let read = 0;
      for await (const resolved of this.client.readAll({ direction: FORWARDS, fromPosition: from, maxCount: pageSize })) {
        read++;
        const position = resolved.event?.position;
        if (!position || (cursor && comparePositions(position, cursor) <= 0)) continue;
        cursor = { commit: position.commit, prepare: position.prepare };
        const recorded = resolvedToRecordedEvent(resolved);
        if (recorded && (!options.filter || matchesEventFilter(recorded, options.filter))) events.push(recorded);
      }
      // Each page is read to its end: leaving the loop early would leave the server call open.
      if (events.length >= options.maxCount || read < pageSize) return events.slice(0, options.maxCount);
    }
  }

  subscribeToAll(options: { readonly after?: Position; readonly batchSize?: number }, handlers: SubscriptionHandlers): Subscription {
    const subscription = new EventStoreDbAllSubscription(
      this.client,
      { after: options.after, batchSize: options.batchSize ?? DEFAULT_BATCH_SIZE, retryMs: 100, maxRetryMs: 2_000 },
      handlers,
    );
    const handle: Subscription = {
      wake: () => subscription.wake(),
      stop: async () => {
        this.subscriptions.delete(handle);
        await subscription.stop();
      },
    };
    this.subscriptions.add(handle);
    return handle;
  }

  /** Stops every subscription (waiting for running handlers), then closes the connection. */
  async close(): Promise<void> {
    await Promise.all([...this.subscriptions].map((s) => s.stop()));
    await this.client.dispose();
  }
}
