import { ValidationPipe, type ValidationError } from '@nestjs/common';
import type { ValidatorOptions } from 'class-validator';
import type { ErrorDetail } from '@keyward/contracts';
import { ApiError } from './api-error';

/**
 * Unknown fields are refused, not dropped: a typo must not pass silently. No value is kept in
 * the errors, since a caller may have put a secret in the wrong field.
 */
export const VALIDATOR_OPTIONS = {
  whitelist: true,
  forbidNonWhitelisted: true,
  // One message per field is enough to fix it; "must be a string" and "too short" together are noise.
  stopAtFirstError: true,
  // An empty DTO (revoke) has no rules at all; it must pass, and whitelisting still refuses its unknown fields.
  forbidUnknownValues: false,
  validationError: { target: false, value: false },
} as const satisfies ValidatorOptions;

/**
 * An unknown field's name is the caller's input: it is named back only when it looks like a
 * field name and is shorter than any secret (keys are 46 characters, root keys at least 32).
 */
const ECHOABLE_FIELD = /^[A-Za-z][A-Za-z0-9_]{0,30}$/;

const unknownField = (property: string, field: string): ErrorDetail =>
  ECHOABLE_FIELD.test(property) ? { field, message: `${field} is not a known field` } : { field: '(unknown)', message: 'the request has a field that is not known' };

const detailsOf = (e: ValidationError, field: string): ErrorDetail[] =>
  Object.entries(e.constraints ?? {}).map(([constraint, message]) =>
    constraint === 'whitelistValidation' ? unknownField(e.property, field) : { field, message },
  );

/** One detail per failing constraint; nested fields as dotted paths (`permissions.calls`). */
export const validationDetails = (errors: readonly ValidationError[], parent = ''): ErrorDetail[] =>
  errors.flatMap((e) => {
    const field = parent ? `${parent}.${e.property}` : e.property;
    return [...detailsOf(e, field), ...validationDetails(e.children ?? [], field)];
  });

export const createValidationPipe = (): ValidationPipe =>
  new ValidationPipe({
    ...VALIDATOR_OPTIONS,
    transform: true,
    exceptionFactory: (errors) => ApiError.invalid(validationDetails(errors)),
  });
