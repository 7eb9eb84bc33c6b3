import type { DomainEvent, EventMetadata } from '@keyward/contracts';
import { ConcurrencyError, type EventStore, type Position } from '@keyward/event-store';

export interface Decider<State, Event extends DomainEvent> {
  readonly initialState: () => State;
  readonly evolve: (state: State, event: Event) => State;
}

export interface Handled<State, Event> {
  readonly events: readonly Event[];
  readonly state: State;
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

/** Load, decide, append with the version decided against (optimistic concurrency). */
export const handleCommand = async <State, Event extends DomainEvent>(
  store: EventStore,
  streamId: string,
  decider: Decider<State, Event>,
  decide: (state: State) => readonly Event[],
  options: HandleOptions,
): Promise<Handled<State, Event>> => {
  for (let attempt = 0; ; attempt++) {
    const stream = await store.readStream(streamId);
    const state = stream.events.reduce((s, e) => decider.evolve(s, e as unknown as Event), decider.initialState());
    const events = decide(state);
    try {
      const appended = await store.appendToStream(
        streamId,
        events.map((e) => ({ type: e.type, data: e.data, metadata: options.metadata })),
        { expectedVersion: stream.currentVersion ?? 'no_stream' },
      );
      return { events, state: events.reduce(decider.evolve, state), position: appended.position };
    } catch (error) {
      if (!(error instanceof ConcurrencyError) || attempt >= options.retriesOnConflict) throw error;
    }
  }
};
