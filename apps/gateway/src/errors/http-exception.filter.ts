import { ArgumentsHost, Catch, HttpException, Logger, type ExceptionFilter } from '@nestjs/common';
import type { Response } from 'express';
import { ErrorCodes, type ErrorBody } from '@keyward/contracts';
import { ApiError } from './api-error';

/** body-parser's errors carry a `type`; they never reach a controller. */
const bodyParserError = (exception: unknown): ApiError | undefined => {
  const type = (exception as { type?: unknown } | null)?.type;
  if (type === 'entity.parse.failed') return new ApiError(ErrorCodes.validationFailed, 'request body is not valid JSON');
  if (type === 'entity.too.large') return new ApiError(ErrorCodes.payloadTooLarge, 'request body is too large');
  if (typeof type === 'string' && type.startsWith('encoding.')) return new ApiError(ErrorCodes.validationFailed, 'request body encoding is not supported');
  return undefined;
};

/** Maps what the framework throws (unknown route, wrong method, …) to the error body. */
const frameworkError = (exception: HttpException): ApiError => {
  const status = exception.getStatus();
  if (status === 404) return new ApiError(ErrorCodes.routeNotFound, 'no such route');
  if (status === 413) return new ApiError(ErrorCodes.payloadTooLarge, 'request body is too large');
  if (status >= 400 && status < 500) return new ApiError(ErrorCodes.validationFailed, 'the request is not valid');
  return new ApiError(ErrorCodes.internal, 'internal error');
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
    const error =
      exception instanceof ApiError
        ? exception
        : (bodyParserError(exception) ?? (exception instanceof HttpException ? frameworkError(exception) : undefined));
    if (!error) this.logger.error(`unexpected failure: ${exception instanceof Error ? `${exception.name}: ${exception.message}` : 'unknown'}`);
    const body: ErrorBody = (error ?? new ApiError(ErrorCodes.internal, 'internal error')).body;
    if (!response.headersSent) response.status(body.statusCode).json(body);
  }
}
