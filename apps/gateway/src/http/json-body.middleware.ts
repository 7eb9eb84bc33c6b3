import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { json } from 'express';
import { ErrorCodes } from '@keyward/contracts';
import { ApiError } from '../errors/api-error';
import type { GatewayRequest } from './gateway-request';
import { takesAnyBody } from './self-judged-body';

/** body-parser marks most of its errors with a `type`; every one of them is the request's fault. */
export const bodyParserError = (error: unknown): ApiError | undefined => {
  const type = (error as { type?: unknown } | null)?.type;
  if (type === 'entity.parse.failed') return new ApiError(ErrorCodes.validationFailed, 'request body is not valid JSON');
  if (type === 'entity.too.large') return new ApiError(ErrorCodes.payloadTooLarge, 'request body is too large');
  if (type === 'charset.unsupported' || type === 'encoding.unsupported') {
    return new ApiError(ErrorCodes.validationFailed, 'request body encoding is not supported');
  }
  // The rest it marks only with a 4xx status: a body that does not inflate as its Content-Encoding says, an aborted upload.
  const status = (error as { status?: unknown } | null)?.status;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    return new ApiError(ErrorCodes.validationFailed, 'request body could not be read as its Content-Encoding and Content-Type say');
  }
  return undefined;
};

/**
 * The JSON body parser, its failures turned into our errors on the spot: NestJS would otherwise
 * wrap a parse error into a plain 400 and lose what went wrong.
 */
export const jsonBodyMiddleware = (limit: string): RequestHandler => {
  // The bytes are kept as received: a signature (leak reports) covers them, not their parse.
  const parse = json({ limit, verify: (request, _response, raw) => ((request as GatewayRequest).rawBody = raw) });
  return (request: Request, response: Response, next: NextFunction): void => {
    parse(request, response, (error?: unknown) => {
      if (error === undefined) return next();
      if (takesAnyBody(request) && bodyParserError(error)) {
        request.body = undefined;
        return next();
      }
      next(bodyParserError(error) ?? error);
    });
  };
};
