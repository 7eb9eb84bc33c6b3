/**
 * An aggregate as pure functions, in the style of Emmett: `decide` turns a command and the
 * current state into events (or throws a DomainError), `evolve` folds one event into the state.
 * Time is a parameter so that a decision is deterministic and replayable.
 */
export interface Decider<Command, Event, State> {
  readonly decide: (command: Command, state: State, now: Date) => Event[];
  readonly evolve: (state: State, event: Event) => State;
  readonly initialState: () => State;
}
