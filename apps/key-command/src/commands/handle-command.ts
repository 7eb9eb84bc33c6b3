import type { DomainEvent, EventMetadata } from '@keyward/contracts';
import { ConcurrencyError, START_POSITION, type EventStore, type Position } from '@keyward/event-store';

export interface Evolver<State, Event extends DomainEvent> {
  readonly initialState: () => State;
  readonly evolve: (state: State, event: Event) => State;
}

export interface Handled<State, Event> {
  readonly events: readonly Event[];
  readonly state: State;
  /** Of the last event appended, or of the stream's last event when nothing changed. */
  readonly position: Position;
}

export interface HandleOptions {
  readonly metadata: EventMetadata;
  /**
   * Extra attempts after a concurrency conflict. Only for commands whose outcome cannot depend
   * on what the competing writer changed (a revoke), never for one that hands out a result the
   * caller relies on (a rotate whose secret a concurrent rotate would silently replace).
   */
  readonly retriesOnConflict: number;
}

/**
 * Load, decide, append with the version decided against (optimistic concurrency). `decide` may
 * look things up first (the caller's workspace and roles), so it is asynchronous; it runs again
 * on every attempt, against the state it will be appended to.
 */
export const handleCommand = async <State, Event extends DomainEvent>(
  store: EventStore,
  streamId: string,
  evolver: Evolver<State, Event>,
  decide: (state: State) => readonly Event[] | Promise<readonly Event[]>,
  options: HandleOptions,
): Promise<Handled<State, Event>> => {
  for (let attempt = 0; ; attempt++) {
    const stream = await store.readStream(streamId);
    // The stream holds only what this aggregate's decider wrote.
    const history = stream.events as readonly unknown[] as readonly Event[];
    const state = history.reduce(evolver.evolve, evolver.initialState());
    const events = await decide(state);
    if (events.length === 0) return { events, state, position: stream.events[stream.events.length - 1]?.position ?? START_POSITION };
    try {
      const appended = await store.appendToStream(
        streamId,
        events.map((e) => ({ type: e.type, data: e.data, metadata: options.metadata })),
        { expectedVersion: stream.currentVersion ?? 'no_stream' },
      );
      return { events, state: events.reduce(evolver.evolve, state), position: appended.position };
    } catch (error) {
      if (!(error instanceof ConcurrencyError) || attempt >= options.retriesOnConflict) throw error;
    }
  }
};
