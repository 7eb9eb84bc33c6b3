import type { DomainEvent, EventMetadata } from '@keyward/contracts';
import type { EventFilter } from './event-filter';
import type { Position } from './position';

/**
 * Expected version of a stream before an append. Versions count from 0 (the first event), so a
 * stream holding three events is at version 2.
 */
export type ExpectedVersion = bigint | 'no_stream' | 'stream_exists' | 'any';

export interface EventToAppend<E extends DomainEvent = DomainEvent> {
  readonly type: E['type'];
  readonly data: E['data'];
  readonly metadata: EventMetadata;
  /** Idempotency: appending an event id that exists already fails. Generated when absent. */
  readonly eventId?: string;
}

/** What the store adds to an event it recorded. */
interface Recorded {
  readonly eventId: string;
  readonly metadata: EventMetadata;
  readonly streamId: string;
  readonly streamVersion: bigint;
  readonly position: Position;
  readonly recordedAt: Date;
}

/**
 * An intersection, so that it distributes over a union of events (`switch (event.type)` narrows
 * `event.data`) and a recorded event of a generic `E` is still an `E` (an aggregate folds it).
 */
export type RecordedEvent<E extends DomainEvent = DomainEvent> = E & Recorded;

export interface AppendResult {
  /** The stream's version after the append. */
  readonly nextExpectedVersion: bigint;
  /** The position of the last appended event. */
  readonly position: Position;
}

export interface ReadStreamResult<E extends DomainEvent = DomainEvent> {
  /** `null` when the stream does not exist. */
  readonly currentVersion: bigint | null;
  readonly events: readonly RecordedEvent<E>[];
}

export interface SubscriptionHandlers {
  /** Called with each batch, in global order; the next batch waits until it resolves. */
  onEvents(events: readonly RecordedEvent[]): Promise<void>;
  /**
   * Called whenever a read reached the head of the history (everything committed at the time
   * the read started has been handed over). `position` is the last position handed over so far.
   */
  onLive?(position: Position | undefined): void;
  /** A transient failure (the store unreachable); the subscription keeps retrying. */
  onError?(error: Error): void;
}

export interface Subscription {
  /**
   * Read now instead of at the next poll (a hint that events were appended, up to `head` when the
   * hint says): a subscription already past `head`, or whose read in flight gets past it, skips it.
   */
  wake(head?: Position): void;
  stop(): Promise<void>;
}

/**
 * Another stream a decision read besides its own (a key's workspace, for the plan): the append
 * happens only if that stream is still at `version` (`null`: it has no events).
 */
export interface UnchangedStream {
  readonly streamId: string;
  readonly version: bigint | null;
}

export interface AppendOptions {
  readonly expectedVersion: ExpectedVersion;
  /** A `ConcurrencyError` naming this stream when it moved, so that the caller decides again on it. */
  readonly unchanged?: UnchangedStream;
}

export interface ReadAllOptions {
  readonly after?: Position;
  readonly maxCount: number;
  readonly filter?: EventFilter;
}

/** The event store port (product.md section 5). Adapters: PostgreSQL, EventStoreDB/KurrentDB. */
export interface EventStore {
  /** Atomic: all events of one call or none. Throws `ConcurrencyError` on a wrong expected version (of either stream). */
  appendToStream(streamId: string, events: readonly EventToAppend[], options: AppendOptions): Promise<AppendResult>;

  /** `E`: the events this stream's aggregate appends (the store does not check them). */
  readStream<E extends DomainEvent = DomainEvent>(streamId: string): Promise<ReadStreamResult<E>>;

  /**
   * Events after `after` (exclusive; from the start when absent), in global order, never skipping
   * one: up to `maxCount` of those `filter` keeps (all when absent).
   */
  readAll(options: ReadAllOptions): Promise<readonly RecordedEvent[]>;

  /**
   * How many events the history holds now, for the end of a progress bar; `undefined` where the
   * store cannot tell without reading them all (EventStoreDB's $all holds system events too).
   */
  countEvents(): Promise<number | undefined>;

  /** Catch-up subscription: everything after `after`, then live events, in global order. */
  subscribeToAll(options: { readonly after?: Position; readonly batchSize?: number }, handlers: SubscriptionHandlers): Subscription;

  close(): Promise<void>;
}
