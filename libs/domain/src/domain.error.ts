import type { ErrorCode } from '@keyward/contracts';

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
