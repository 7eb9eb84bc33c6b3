import type { DomainEvent } from '@keyward/contracts';
import type { RecordedEvent } from '@keyward/event-store';

/**
 * A stream's state at `untilMs` (epoch ms; `Infinity`: now): the domain's `evolve` over the events
 * stamped up to then. A prefix of the stream, never a selection: replicas' clocks differ, and a
 * later event stamped earlier must not be folded without the ones before it.
 */
export const foldUntil = <E extends DomainEvent, S>(events: readonly RecordedEvent<E>[], evolve: (state: S, event: E) => S, initial: S, untilMs: number): S => {
  let state = initial;
  for (const event of events) {
    if (Date.parse(event.metadata.occurredAt) > untilMs) break;
    state = evolve(state, event);
  }
  return state;
};
