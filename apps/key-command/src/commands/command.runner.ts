import { Inject, Injectable } from '@nestjs/common';
import type { CommandContext, DomainEvent } from '@keyward/contracts';
import { positionToToken, type EventStore } from '@keyward/event-store';
import { EVENT_STORE } from '@keyward/platform';
import { AppendedPublisher } from './appended.publisher';
import { eventMetadata } from './event-metadata';
import { handleCommand, type Evolver } from './handle-command';

export interface CommandOutcome<State, Event> {
  readonly events: readonly Event[];
  readonly state: State;
  /** Position token the gateway waits for followers to reach. */
  readonly position: string;
  /** The events were appended by an earlier attempt of the same request (same `Idempotency-Key`), not now. */
  readonly replayed: boolean;
}

/** Runs one decision on one stream and tells the followers about it. */
@Injectable()
export class CommandRunner {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly appended: AppendedPublisher,
  ) {}

  async run<State, Event extends DomainEvent>(
    streamId: string,
    evolver: Evolver<State, Event>,
    context: CommandContext,
    decide: (state: State, now: Date) => readonly Event[] | Promise<readonly Event[]>,
    retriesOnConflict = 0,
  ): Promise<CommandOutcome<State, Event>> {
    const now = new Date();
    const handled = await handleCommand(this.store, streamId, evolver, (state) => decide(state, now), {
      metadata: eventMetadata(context, now),
      retriesOnConflict,
    });
    if (handled.events.length > 0 && !handled.replayed) this.appended.publish(handled.position);
    return { events: handled.events, state: handled.state, position: positionToToken(handled.position), replayed: handled.replayed };
  }
}
