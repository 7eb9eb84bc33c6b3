import type { ErrorCode } from '@keyward/contracts';
import { DomainError } from '../domain.error';
import type { Decider } from '../decider';

/** What a refused command must throw: a DomainError with this code (and field and message, when given). */
export interface ExpectedRejection {
  readonly code: ErrorCode;
  readonly field?: string;
  readonly message?: string;
}

// `Array.isArray` does not narrow a readonly array out of a union.
const isEventList = <Event>(expected: readonly Event[] | ExpectedRejection): expected is readonly Event[] => Array.isArray(expected);

const rejectionOf = (decide: () => unknown): DomainError => {
  try {
    decide();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected the command to be refused, but it was accepted');
};

/**
 * Emmett-style decider tests: `given(history).when(command).then(events | rejection)`. The
 * history is folded with `evolve` from the initial state, exactly as the command handler does.
 */
export const deciderSpecification = <Command, Event, State>(decider: Decider<Command, Event, State>, defaultNow: Date) => ({
  given: (history: readonly Event[]) => ({
    when: (command: Command, now: Date = defaultNow) => ({
      then: (expected: readonly Event[] | ExpectedRejection): void => {
        const state = history.reduce(decider.evolve, decider.initialState());
        const decide = () => decider.decide(command, state, now);
        if (isEventList(expected)) {
          expect(decide()).toEqual(expected);
          return;
        }
        const rejection = rejectionOf(decide);
        expect({ code: rejection.code, field: rejection.field, message: rejection.message }).toEqual({
          code: expected.code,
          field: expected.field,
          message: expected.message ?? rejection.message,
        });
      },
    }),
  }),
});
