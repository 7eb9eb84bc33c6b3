import { ErrorCodes } from '@keyward/contracts';
import { DomainError, inputProblem, MAX_INPUT_DEPTH } from '@keyward/domain';

const MESSAGES = {
  'too deep': `command must not nest deeper than ${MAX_INPUT_DEPTH} levels`,
  'unstorable text': 'command must hold only well-formed Unicode text (no lone surrogates, no NUL)',
  'reserved name': 'command must not have a field named like a built-in property (__proto__, constructor, …)',
} as const;

/**
 * Every command payload, before any parser reads it: the bus is untrusted input, and text that
 * PostgreSQL cannot store must be refused as the caller's mistake, not fail at the append.
 */
export const refuseUntrustedPayload = (payload: unknown): void => {
  const problem = inputProblem(payload);
  if (problem) throw new DomainError(ErrorCodes.validationFailed, MESSAGES[problem], 'command');
};
