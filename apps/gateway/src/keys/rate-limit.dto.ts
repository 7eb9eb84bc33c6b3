import { ApiProperty, type ApiPropertyOptions } from '@nestjs/swagger';
import { IsInt, Max, Min } from 'class-validator';
import type { RateLimit } from '@keyward/contracts';
import { MAX_RATE_LIMIT, MAX_RATE_LIMIT_WINDOW_SECONDS, MIN_RATE_LIMIT, MIN_RATE_LIMIT_WINDOW_SECONDS } from '@keyward/domain';

export const LIMIT = { type: 'integer', minimum: MIN_RATE_LIMIT, maximum: MAX_RATE_LIMIT, example: 100 } as const;
export const WINDOW = { type: 'integer', minimum: MIN_RATE_LIMIT_WINDOW_SECONDS, maximum: MAX_RATE_LIMIT_WINDOW_SECONDS, example: 60 } as const;

/** A request's rate limit, validated; the document shows it as `NULLABLE_RATE_LIMIT` below. */
export class RateLimitDto implements RateLimit {
  @ApiProperty(LIMIT)
  @Max(MAX_RATE_LIMIT)
  @Min(MIN_RATE_LIMIT)
  @IsInt()
  readonly limit!: number;

  @ApiProperty(WINDOW)
  @Max(MAX_RATE_LIMIT_WINDOW_SECONDS)
  @Min(MIN_RATE_LIMIT_WINDOW_SECONDS)
  @IsInt()
  readonly windowSeconds!: number;
}

/**
 * A rate limit or `null`, written out: OpenAPI 3.0 ignores `nullable` beside a `$ref`, and a
 * `$ref` inside `allOf` would refuse the `null`.
 */
export const NULLABLE_RATE_LIMIT = (description: string): ApiPropertyOptions => ({
  type: 'object',
  nullable: true,
  properties: { limit: LIMIT, windowSeconds: WINDOW },
  required: ['limit', 'windowSeconds'],
  description,
});
