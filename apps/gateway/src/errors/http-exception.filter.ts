import { Catch, HttpException, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { Response } from 'express';
import { ErrorCodes } from '@keyward/contracts';
import { isDependencyDown } from '@keyward/platform';
import { ApiError } from './api-error';

/** Seconds a client should wait before retrying a 503: about what a dependency needs to come back. */
export const RETRY_AFTER_SECONDS = 2;

/** What the framework throws itself (unknown route, oversize body, …), in our words. */
const frameworkError = (exception: HttpException): ApiError | undefined => {
  const status = exception.getStatus();
  if (status === 404) return new ApiError(ErrorCodes.routeNotFound, 'no such route');
  if (status === 413) return new ApiError(ErrorCodes.payloadTooLarge, 'request body is too large');
  if (status >= 400 && status < 500) return new ApiError(ErrorCodes.validationFailed, 'the request is not valid');
  return undefined;
};

/** A code or a name: enough to tell which dependency failed how, never a value from the request. */
const reasonOf = (exception: unknown): string => {
  const code = typeof exception === 'object' && exception !== null && 'code' in exception ? String(exception.code) : undefined;
  return code ?? (exception instanceof Error ? exception.name : 'unknown');
};

/**
 * Every failure answers `{ statusCode, code, message, details? }`. Messages are ours, never the
 * request's: nothing the caller sent (a secret in a body or header) is echoed or logged. Every
 * 503, whoever threw it, tells the client when to retry.
 */
@Catch()
export class HttpExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('http');

  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    const error = this.toApiError(exception);
    if (response.headersSent) return;
    if (error.body.statusCode === 503) response.setHeader('Retry-After', String(RETRY_AFTER_SECONDS));
    response.status(error.body.statusCode).json(error.body);
  }

  private toApiError(exception: unknown): ApiError {
    if (exception instanceof ApiError) return exception;
    const framework = exception instanceof HttpException ? frameworkError(exception) : undefined;
    if (framework) return framework;
    if (isDependencyDown(exception)) {
      // Expected while PostgreSQL or NATS restarts: one line, no stack.
      this.logger.warn(`dependency unavailable: ${reasonOf(exception)}`);
      return new ApiError(ErrorCodes.unavailable, 'a service Keyward depends on is unavailable; try again shortly');
    }
    // The error itself only: request bodies and headers may hold secrets.
    this.logger.error(
      `unexpected failure: ${exception instanceof Error ? `${exception.name}: ${exception.message}` : 'non-error thrown'}`,
      exception instanceof Error ? exception.stack : undefined,
    );
    return ApiError.internal();
  }
}
