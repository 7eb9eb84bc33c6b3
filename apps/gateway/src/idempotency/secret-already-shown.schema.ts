import type { ApiPropertyOptions } from '@nestjs/swagger';

/** `secretAlreadyShown` of a repeated create or rotate (`SecretWithheld`): present, and true, only then. */
export const SECRET_ALREADY_SHOWN: ApiPropertyOptions = {
  type: Boolean,
  enum: [true],
  description: 'present when a repeat of the request (Idempotency-Key) answers: the secret was in the first answer only',
};
