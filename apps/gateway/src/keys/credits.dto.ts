import { applyDecorators } from '@nestjs/common';
import type { ApiPropertyOptions } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsObject, Max, Min, ValidateNested } from 'class-validator';
import { CreditRefillIntervals, type CreditRefill, type CreditRefillInterval, type Credits } from '@keyward/contracts';
import { MAX_CREDITS } from '@keyward/domain';
import { IsOmittable } from '../validation/field.validators';

/** The domain's bounds (limits/credits.ts), as decorators so that each nested field is named in a 400. */
export class CreditRefillDto implements CreditRefill {
  @IsIn(CreditRefillIntervals)
  readonly interval!: CreditRefillInterval;

  @Max(MAX_CREDITS)
  @Min(1)
  @IsInt()
  readonly amount!: number;
}

export class CreditsDto implements Credits {
  @Max(MAX_CREDITS)
  @Min(0)
  @IsInt()
  readonly remaining!: number;

  // `null` is no refill the domain knows: refused, not read as "none".
  @IsOmittable()
  @ValidateNested()
  @Type(() => CreditRefillDto)
  @IsObject()
  readonly refill?: CreditRefillDto;
}

/** A nested `{ remaining, refill? }`. */
export const IsCredits = (): PropertyDecorator => applyDecorators(IsObject(), ValidateNested(), Type(() => CreditsDto));

/**
 * Credits or `null`, written out: OpenAPI 3.0 ignores `nullable` beside a `$ref` (see NULLABLE_RATE_LIMIT).
 * As the API shows them (`view`), `remaining` is live and `degraded` says when the spend count could not be read.
 */
const creditsSchema = (description: string, view: boolean): ApiPropertyOptions => ({
  type: 'object',
  nullable: true,
  required: ['remaining'],
  description,
  properties: {
    remaining: { type: 'integer', minimum: 0, maximum: MAX_CREDITS, example: 1_000 },
    refill: {
      type: 'object',
      properties: {
        interval: { type: 'string', enum: [...CreditRefillIntervals], description: 'daily: each UTC midnight; monthly: each first of the month, 00:00 UTC' },
        amount: { type: 'integer', minimum: 1, maximum: MAX_CREDITS, example: 1_000, description: 'the balance each refill sets (it does not add to what is left)' },
      },
      required: ['interval', 'amount'],
    },
    ...(view ? { degraded: { type: 'boolean', enum: [true], description: 'present when the spend count could not be read: remaining is then the balance as set, an upper bound' } } : {}),
  },
});

export const NULLABLE_CREDITS = (description: string): ApiPropertyOptions => creditsSchema(description, false);
export const NULLABLE_CREDITS_VIEW = (description: string): ApiPropertyOptions => creditsSchema(description, true);
