import type { DomainEvent } from '@keyward/contracts';
import type { ReadStreamResult, RecordedEvent } from './event-store.port';

/**
 * A stream as read, typed as the events its writer appended. One stream holds one aggregate's
 * events, and the store does not look inside them: the reader names the type, as Emmett's
 * `aggregateStream` does. Every adapter's `readStream` answers through here, the one place of that trust.
 */
export const streamOf = <E extends DomainEvent>(events: readonly RecordedEvent[]): ReadStreamResult<E> => ({
  currentVersion: events.length ? events[events.length - 1].streamVersion : null,
  events: events as readonly RecordedEvent[] as readonly RecordedEvent<E>[],
});
