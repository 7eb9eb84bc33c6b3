import type { DomainEvent, EventMetadata } from '@keyward/contracts';
import { ConcurrencyError, START_POSITION, type EventStore, type Position, type ReadStreamResult } from '@keyward/event-store';
import { earlierAttempt } from './earlier-attempt';

export interface Evolver<State, Event extends DomainEvent> {
  readonly initialState: () => State;
  readonly evolve: (state: State, event: Event) => State;
}

export interface Handled<State, Event> {
  readonly events: readonly Event[];
  readonly state: State;
  /** Of the last event appended, or of the stream's last event when nothing changed. */
  readonly position: Position;
  /**
   * True when an earlier attempt of the same request (same `Idempotency-Key`) had appended
   * `events`: nothing was appended now, and `state` is the one that attempt left.
   */
  readonly replayed: boolean;
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

/** The answer an earlier attempt of the same request got, rebuilt from the events it appended. */
const replayOf = <State, Event extends DomainEvent>(
  stream: ReadStreamResult,
  history: readonly Event[],
  evolver: Evolver<State, Event>,
  metadata: EventMetadata,
): Handled<State, Event> | undefined => {
  const earlier = earlierAttempt(stream.events, metadata);
  if (!earlier) return undefined;
  return {
    events: history.slice(earlier.start, earlier.end),
    state: history.slice(0, earlier.end).reduce(evolver.evolve, evolver.initialState()),
    position: stream.events[earlier.end - 1].position,
    replayed: true,
  };
};

/**
 * Load, decide, append with the version decided against (optimistic concurrency). `decide` may
 * look things up first (the caller's workspace and roles), so it is asynchronous; it runs again
 * on every attempt, against the state it will be appended to. A repeat of a request that already
 * wrote to this stream is answered from what it wrote and decides nothing.
 */
export const handleCommand = async <State, Event extends DomainEvent>(
  store: EventStore,
  streamId: string,
  evolver: Evolver<State, Event>,
  decide: (state: State) => readonly Event[] | Promise<readonly Event[]>,
  options: HandleOptions,
): Promise<Handled<State, Event>> => {
  const load = async () => {
    const stream = await store.readStream(streamId);
    // The stream holds only what this aggregate's decider wrote.
    const history = stream.events as readonly unknown[] as readonly Event[];
    return { stream, history, replay: replayOf(stream, history, evolver, options.metadata) };
  };
  for (let attempt = 0; ; attempt++) {
    const { stream, history, replay } = await load();
    if (replay) return replay;
    const state = history.reduce(evolver.evolve, evolver.initialState());
    const events = await decide(state);
    if (events.length === 0) return { events, state, position: stream.events[stream.events.length - 1]?.position ?? START_POSITION, replayed: false };
    try {
      const appended = await store.appendToStream(
        streamId,
        events.map((e) => ({ type: e.type, data: e.data, metadata: options.metadata })),
        { expectedVersion: stream.currentVersion ?? 'no_stream' },
      );
      return { events, state: events.reduce(evolver.evolve, state), position: appended.position, replayed: false };
    } catch (error) {
      if (!(error instanceof ConcurrencyError)) throw error;
      // The writer that won may be a concurrent attempt of this very request: then answer as it did.
      const raced = options.metadata.idempotencyKey === undefined ? undefined : (await load()).replay;
      if (raced) return raced;
      if (attempt >= options.retriesOnConflict) throw error;
    }
  }
};
