import { Counter, type Registry } from 'prom-client';
import type { DomainEvent } from '@keyward/contracts';
import { ConcurrencyError, type AppendOptions, type AppendResult, type EventStore, type EventToAppend } from '@keyward/event-store';

type AppendOutcome = 'appended' | 'conflict' | 'failed';

/**
 * The event store with its appends counted: `keyward_event_store_appends_total{outcome}` per call
 * (`conflict` is an optimistic-concurrency refusal, `failed` anything else, e.g. the database
 * down) and `keyward_event_store_appended_events_total`. Reads pass straight through.
 */
export const meteredEventStore = (store: EventStore, registry: Registry): EventStore => {
  const appends = new Counter({ name: 'keyward_event_store_appends_total', help: 'Appends to the event store by outcome', labelNames: ['outcome'], registers: [registry] });
  const outcomes: Record<AppendOutcome, Counter.Internal> = { appended: appends.labels('appended'), conflict: appends.labels('conflict'), failed: appends.labels('failed') };
  // Shown at 0 from the start, so that rate() and alerts see the series before the first conflict.
  for (const outcome of Object.values(outcomes)) outcome.inc(0);
  const appended = new Counter({ name: 'keyward_event_store_appended_events_total', help: 'Events appended to the event store', registers: [registry] });
  return {
    appendToStream: async (streamId: string, events: readonly EventToAppend[], options: AppendOptions): Promise<AppendResult> => {
      try {
        const result = await store.appendToStream(streamId, events, options);
        outcomes.appended.inc();
        appended.inc(events.length);
        return result;
      } catch (error) {
        outcomes[error instanceof ConcurrencyError ? 'conflict' : 'failed'].inc();
        throw error;
      }
    },
    readStream: <E extends DomainEvent>(streamId: string) => store.readStream<E>(streamId),
    readAll: (options) => store.readAll(options),
    countEvents: () => store.countEvents(),
    subscribeToAll: (options, handlers) => store.subscribeToAll(options, handlers),
    close: () => store.close(),
  };
};
