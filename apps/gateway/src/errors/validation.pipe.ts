import { ValidationPipe, type ValidationError } from '@nestjs/common';
import { ErrorCodes, type ErrorDetail } from '@keyward/contracts';
import { ApiError } from './api-error';

/** One detail per failing field, nested fields as dotted paths (`permissions.calls`). */
export const validationDetails = (errors: readonly ValidationError[], parent = ''): ErrorDetail[] =>
  errors.flatMap((e) => {
    const field = parent ? `${parent}.${e.property}` : e.property;
    const own = Object.values(e.constraints ?? {}).map((message) => ({ field, message }));
    return [...own, ...validationDetails(e.children ?? [], field)];
  });

/** Unknown fields are refused, not dropped: a typo must not pass silently. */
export const createValidationPipe = (): ValidationPipe =>
  new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    // No value in the messages: a caller may have put a secret in the wrong field.
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => new ApiError(ErrorCodes.validationFailed, 'the request is not valid', validationDetails(errors)),
  });
