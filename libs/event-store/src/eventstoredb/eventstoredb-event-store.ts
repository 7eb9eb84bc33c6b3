import {
  ANY,
  EventStoreDBClient,
  FORWARDS,
  NO_STREAM,
  START,
  STREAM_EXISTS,
  StreamNotFoundError,
  WrongExpectedVersionError,
  excludeSystemEvents,
  jsonEvent,
  type AllStreamResolvedEvent,
  type AppendExpectedRevision,
  type JSONType,
  type ResolvedEvent,
} from '@eventstore/db-client';
import type { EventMetadata } from '@keyward/contracts';
import { ConcurrencyError } from '../concurrency.error';
import type {
  AppendResult,
  EventStore,
  EventToAppend,
  ExpectedVersion,
  ReadStreamResult,
  RecordedEvent,
  Subscription,
  SubscriptionHandlers,
} from '../event-store.port';
import { comparePositions, type Position } from '../position';

const toRevision = (expected: ExpectedVersion): AppendExpectedRevision =>
  expected === 'any' ? ANY : expected === 'no_stream' ? NO_STREAM : expected === 'stream_exists' ? STREAM_EXISTS : expected;

const toRecorded = (resolved: ResolvedEvent | AllStreamResolvedEvent): RecordedEvent | undefined => {
  const e = resolved.event;
  if (!e || !e.position || e.type.startsWith('$')) return undefined;
  return {
    eventId: e.id,
    type: e.type,
    data: e.data,
    metadata: e.metadata as unknown as EventMetadata,
    streamId: e.streamId,
    streamVersion: e.revision,
    position: { commit: e.position.commit, prepare: e.position.prepare },
    recordedAt: new Date(e.created),
  } as RecordedEvent;
};

/**
 * The event store on EventStoreDB/KurrentDB, for users who run one (`EVENTSTORE_URL`). Its `$all`
 * order is the commit order, so (commit, prepare) positions never go back.
 */
export class EventStoreDbEventStore implements EventStore {
  constructor(private readonly client: EventStoreDBClient) {}

  static fromConnectionString(connectionString: string): EventStoreDbEventStore {
    return new EventStoreDbEventStore(EventStoreDBClient.connectionString(connectionString));
  }

  async appendToStream(streamId: string, events: readonly EventToAppend[], options: { readonly expectedVersion: ExpectedVersion }): Promise<AppendResult> {
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

  async readStream(streamId: string): Promise<ReadStreamResult> {
    const events: RecordedEvent[] = [];
    try {
      for await (const resolved of this.client.readStream(streamId, { direction: FORWARDS, fromRevision: START })) {
        const recorded = toRecorded(resolved);
        if (recorded) events.push(recorded);
      }
    } catch (error) {
      if (error instanceof StreamNotFoundError) return { currentVersion: null, events: [] };
      throw error;
    }
    return { currentVersion: events.length ? events[events.length - 1].streamVersion : null, events };
  }

  async readAll(options: { readonly after?: Position; readonly maxCount: number }): Promise<readonly RecordedEvent[]> {
    const events: RecordedEvent[] = [];
    // Reading $all from a position includes the event at it; `after` is exclusive here. System
    // events are dropped by toRecorded (this read takes no server-side filter).
    const read = this.client.readAll({ direction: FORWARDS, fromPosition: options.after ?? START, maxCount: options.maxCount + 1 });
    for await (const resolved of read) {
      const recorded = toRecorded(resolved);
      if (recorded && (!options.after || comparePositions(recorded.position, options.after) > 0)) events.push(recorded);
    }
    return events.slice(0, options.maxCount);
  }

  subscribeToAll(options: { readonly after?: Position; readonly batchSize?: number }, handlers: SubscriptionHandlers): Subscription {
    const subscription = this.client.subscribeToAll({ fromPosition: options.after ?? START, filter: excludeSystemEvents() });
    let last = options.after;
    let chain = Promise.resolve();
    subscription.on('data', (resolved: AllStreamResolvedEvent) => {
      const recorded = toRecorded(resolved);
      if (!recorded || (last && comparePositions(recorded.position, last) <= 0)) return;
      last = recorded.position;
      // One event per batch, in order: the next waits for the handler, as the port promises.
      chain = chain.then(() => handlers.onEvents([recorded])).catch((error: unknown) => handlers.onError?.(error as Error));
    });
    subscription.on('caughtUp', () => void chain.then(() => handlers.onLive?.(last)));
    subscription.on('error', (error: Error) => handlers.onError?.(error));
    return {
      wake: () => undefined, // the server pushes; there is nothing to poll
      stop: async () => {
        await subscription.unsubscribe();
        await chain;
      },
    };
  }

  async close(): Promise<void> {
    await this.client.dispose();
  }
}
