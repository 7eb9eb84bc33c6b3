import { ErrorCodes, type ErrorCode } from '@keyward/contracts';

/** A command refused by a business rule; `field` names the input at fault, when there is one. */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

/** VALIDATION_FAILED for one input field (the gateway turns it into a 400 with details). */
export const validationError = (field: string, message: string): DomainError =>
  new DomainError(ErrorCodes.validationFailed, message, field);
