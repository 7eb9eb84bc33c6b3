import { Catch, HttpException, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { Response } from 'express';
import { ErrorCodes } from '@keyward/contracts';
import { ApiError } from './api-error';

/** What the framework throws itself (unknown route, oversize body, …), in our words. */
const frameworkError = (exception: HttpException): ApiError | undefined => {
  const status = exception.getStatus();
  if (status === 404) return new ApiError(ErrorCodes.routeNotFound, 'no such route');
  if (status === 413) return new ApiError(ErrorCodes.payloadTooLarge, 'request body is too large');
  if (status >= 400 && status < 500) return new ApiError(ErrorCodes.validationFailed, 'the request is not valid');
  return undefined;
};

/** The error body for anything thrown while handling a request; `undefined` for the unexpected. */
const toApiError = (exception: unknown): ApiError | undefined => {
  if (exception instanceof ApiError) return exception;
  return exception instanceof HttpException ? frameworkError(exception) : undefined;
};

/**
 * Every failure answers `{ statusCode, code, message, details? }`. Messages are ours, never the
 * request's: nothing the caller sent (a secret in a body or header) is echoed or logged.
 */
@Catch()
export class HttpExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('http');

  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    let error = toApiError(exception);
    if (!error) {
      // The error itself only: request bodies and headers may hold secrets.
      this.logger.error(
        `unexpected failure: ${exception instanceof Error ? `${exception.name}: ${exception.message}` : 'non-error thrown'}`,
        exception instanceof Error ? exception.stack : undefined,
      );
      error = ApiError.internal();
    }
    if (response.headersSent) return;
    response.status(error.body.statusCode).json(error.body);
  }
}
