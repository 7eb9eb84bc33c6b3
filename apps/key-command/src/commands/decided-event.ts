import type { DomainEvent } from '@keyward/contracts';

/**
 * The event a command that decides exactly one event (or refuses) decided. Anything else is a bug
 * in its decider, not the caller's doing: an internal error.
 */
export const decidedEvent = <Event extends DomainEvent, Type extends Event['type']>(events: readonly Event[], type: Type): Extract<Event, { type: Type }> => {
  const [event] = events;
  if (!isOfType(event, type)) throw new Error(`the command decided no ${type}`);
  return event;
};

const isOfType = <Event extends DomainEvent, Type extends Event['type']>(event: Event | undefined, type: Type): event is Extract<Event, { type: Type }> =>
  event?.type === type;
