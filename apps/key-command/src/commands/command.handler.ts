import { Inject, Injectable } from '@nestjs/common';
import type { CommandContext, DomainEvent, EventMetadata, PositionToken } from '@keyward/contracts';
import { ConcurrencyError, positionToToken, START_POSITION, type EventStore, type Position, type ReadStreamResult } from '@keyward/event-store';
import { BusinessClock, EVENT_STORE } from '@keyward/platform';
import { AppendedPublisher } from './appended.publisher';
import { DecisionReads } from './decision-reads';
import { earlierAttempt } from './earlier-attempt';
import { eventMetadata } from './event-metadata';

/** How an aggregate's state follows from its events: the half of a decider that reading needs. */
export interface Evolver<State, Event extends DomainEvent> {
  readonly initialState: () => State;
  readonly evolve: (state: State, event: Event) => State;
}

/**
 * Decides against the state the events will be appended to; may look things up first (the caller's
 * workspace and roles), noting in `reads` what the append must find unchanged.
 */
export type Decide<State, Event> = (state: State, now: Date, reads: DecisionReads) => readonly Event[] | Promise<readonly Event[]>;

export interface Handled<State, Event> {
  readonly events: readonly Event[];
  readonly state: State;
  /** Of the last event appended, or of the stream's last event when nothing changed: what the gateway waits for followers to reach. */
  readonly position: PositionToken;
  /**
   * True when an earlier attempt of the same request (same `Idempotency-Key`) had appended
   * `events`: nothing was appended now, and `state` is the one that attempt left.
   */
  readonly replayed: boolean;
}

export interface HandleOptions<Event extends DomainEvent> {
  /**
   * Extra attempts after a concurrency conflict, each deciding again. Only for commands whose
   * outcome cannot depend on what the competing writer changed (a revoke), never for one that hands
   * out a result the caller relies on (a rotate whose secret a concurrent rotate would silently replace).
   */
  readonly retriesOnConflict?: number;
  /**
   * The stream as the caller has just read it (a create's new id, `IdempotentIds`): the first
   * attempt decides on it instead of reading it again. A write that came between is a conflict at
   * the append, and the next attempt reads afresh.
   */
  readonly read?: ReadStreamResult<Event>;
}

interface Loaded<State, Event extends DomainEvent> {
  readonly stream: ReadStreamResult<Event>;
  readonly state: State;
  readonly replay: Handled<State, Event> | undefined;
}

/**
 * Decisions made again because the workspace they rested on moved meanwhile (a plan change), each
 * on it as read afresh; beyond this the command answers CONFLICT. A refusal on a kept copy is made
 * again once, on the workspace read now (`DecisionReads.unchecked`, then `fresh`); neither spends
 * the command's own retries.
 */
const MAX_REDECISIONS = 4;

const handled = <State, Event>(events: readonly Event[], state: State, position: Position, replayed: boolean): Handled<State, Event> => ({
  events,
  state,
  position: positionToToken(position),
  replayed,
});

/**
 * The one command handler (as Emmett's): load the stream, decide, append with the version decided
 * against, and tell the followers. A repeat of a request that already wrote to the stream is
 * answered from what it wrote and decides nothing.
 */
@Injectable()
export class CommandHandler {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly appended: AppendedPublisher,
    private readonly clock: BusinessClock,
  ) {}

  async handle<State, Event extends DomainEvent>(
    streamId: string,
    evolver: Evolver<State, Event>,
    context: CommandContext,
    decide: Decide<State, Event>,
    { retriesOnConflict = 0, read }: HandleOptions<Event> = {},
  ): Promise<Handled<State, Event>> {
    // Business time, as the verifiers and the gateway read it (expiries, credits' setAt); one instant for the decision and its events' occurredAt.
    const now = new Date(this.clock.now());
    const metadata = eventMetadata(context, now);
    let redecided = 0;
    let fresh = false;
    for (let attempt = 0; ; attempt++) {
      const { stream, state, replay } = attempt === 0 && read ? this.fold(read, evolver, metadata) : await this.load(streamId, evolver, metadata);
      if (replay) return replay;
      const reads = new DecisionReads(fresh);
      let events: readonly Event[];
      try {
        events = await decide(state, now, reads);
      } catch (error) {
        // A refusal on a kept workspace: refuse only on the workspace as it is now.
        if (!reads.unchecked() || ++redecided > MAX_REDECISIONS) throw error;
        fresh = true;
        continue;
      }
      if (events.length === 0) {
        const done = handled(events, state, stream.events.at(-1)?.position ?? START_POSITION, false);
        if (!reads.unchecked() || ++redecided > MAX_REDECISIONS) return done;
        fresh = true;
        continue;
      }
      try {
        const toAppend = events.map((e) => ({ type: e.type, data: e.data, metadata }));
        const { position } = await this.store.appendToStream(streamId, toAppend, { expectedVersion: stream.currentVersion ?? 'no_stream', unchanged: reads.unchanged });
        this.appended.publish(position);
        return handled(events, events.reduce(evolver.evolve, state), position, false);
      } catch (error) {
        if (!(error instanceof ConcurrencyError)) throw error;
        // Not this stream's race: what the decision rested on changed; decide again on it as it is now.
        if (reads.moved(error)) {
          if (++redecided > MAX_REDECISIONS) throw error;
          continue;
        }
        // The writer that won may be a concurrent attempt of this very request: then answer as it did.
        const raced = metadata.idempotencyKey === undefined ? undefined : (await this.load(streamId, evolver, metadata)).replay;
        if (raced) return raced;
        if (attempt - redecided >= retriesOnConflict) throw error;
      }
    }
  }

  private async load<State, Event extends DomainEvent>(streamId: string, evolver: Evolver<State, Event>, metadata: EventMetadata): Promise<Loaded<State, Event>> {
    return this.fold(await this.store.readStream<Event>(streamId), evolver, metadata);
  }

  private fold<State, Event extends DomainEvent>(stream: ReadStreamResult<Event>, evolver: Evolver<State, Event>, metadata: EventMetadata): Loaded<State, Event> {
    const state = stream.events.reduce(evolver.evolve, evolver.initialState());
    const earlier = earlierAttempt(stream.events, metadata);
    if (!earlier) return { stream, state, replay: undefined };
    // The answer the earlier attempt got, rebuilt from the events it appended.
    const written = stream.events.slice(earlier.start, earlier.end);
    const then = stream.events.slice(0, earlier.end).reduce(evolver.evolve, evolver.initialState());
    return { stream, state, replay: handled(written, then, written[written.length - 1].position, true) };
  }
}
