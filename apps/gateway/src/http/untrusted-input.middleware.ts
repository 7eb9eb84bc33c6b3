import type { NextFunction, Request, Response } from 'express';
import { ErrorCodes } from '@keyward/contracts';
import { inputProblem, MAX_INPUT_DEPTH, type InputProblem } from '@keyward/domain';
import { ApiError } from '../errors/api-error';
import { checksOwnBody, takesAnyBody } from './self-judged-body';

const MESSAGES: Readonly<Record<InputProblem, string>> = {
  'too deep': `the request must not nest deeper than ${MAX_INPUT_DEPTH} levels`,
  'unstorable text': 'the request must hold only well-formed Unicode text (no lone surrogates, no NUL)',
  'reserved name': 'the request must not have a field named like a built-in property (__proto__, constructor, …)',
};

/** Why the parsed body or query may not be taken in, as the error to answer; `undefined` when they may. */
export const untrustedInputError = (request: Pick<Request, 'body' | 'query' | 'method' | 'path'>): ApiError | undefined => {
  const problem = (checksOwnBody(request) ? undefined : inputProblem(request.body)) ?? inputProblem(request.query);
  return problem ? new ApiError(ErrorCodes.validationFailed, MESSAGES[problem]) : undefined;
};

/**
 * After the body parser, before any validation: a body nested thousands of levels deep would
 * exhaust the stack of the (recursive) transformer, and text PostgreSQL cannot store would fail
 * only at the append. Both are the caller's mistakes, answered 400 like any other.
 */
export const untrustedInputMiddleware = (request: Request, _response: Response, next: NextFunction): void => {
  const error = untrustedInputError(request);
  if (error && takesAnyBody(request)) return next();
  next(error);
};
