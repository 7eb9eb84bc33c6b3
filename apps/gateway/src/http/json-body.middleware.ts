import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { json } from 'express';
import { ErrorCodes } from '@keyward/contracts';
import { ApiError } from '../errors/api-error';

/** body-parser marks its errors with a `type`; only those are its own. */
export const bodyParserError = (error: unknown): ApiError | undefined => {
  const type = (error as { type?: unknown } | null)?.type;
  if (type === 'entity.parse.failed') return new ApiError(ErrorCodes.validationFailed, 'request body is not valid JSON');
  if (type === 'entity.too.large') return new ApiError(ErrorCodes.payloadTooLarge, 'request body is too large');
  if (type === 'charset.unsupported' || type === 'encoding.unsupported') {
    return new ApiError(ErrorCodes.validationFailed, 'request body encoding is not supported');
  }
  return undefined;
};

/**
 * The JSON body parser, its failures turned into our errors on the spot: NestJS would otherwise
 * wrap a parse error into a plain 400 and lose what went wrong.
 */
export const jsonBodyMiddleware = (limit: string): RequestHandler => {
  const parse = json({ limit });
  return (request: Request, response: Response, next: NextFunction): void => {
    parse(request, response, (error?: unknown) => next(error === undefined ? undefined : (bodyParserError(error) ?? error)));
  };
};
