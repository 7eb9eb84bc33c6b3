import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { applyDecorators } from '@nestjs/common';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsOptional, IsString, Matches, ValidateNested } from 'class-validator';
import { MAX_NAMED_RATE_LIMITS, type NamedRateLimit, type NamedRateLimitInput } from '@keyward/contracts';
import { NAMED_RATE_LIMIT_NAME } from '@keyward/domain';
import { rule } from '../validation/field.validators';
import { RateLimitDto } from './rate-limit.dto';

const NAME = { pattern: NAMED_RATE_LIMIT_NAME.source, example: 'tokens', description: 'unique within the key (or identity)' } as const;
const AUTO_APPLY = 'applied to every verify that names no limits; false: only when a verify names it' as const;

/** One named limit as a request sets it: limit and window as the single `ratelimit`'s. */
@ApiSchema({ name: 'NamedRateLimitInput' })
export class NamedRateLimitDto extends RateLimitDto implements NamedRateLimitInput {
  @ApiProperty(NAME)
  @Matches(NAMED_RATE_LIMIT_NAME, { message: 'name must be 1 to 64 letters, digits, _ or -' })
  @IsString()
  readonly name!: string;

  @ApiPropertyOptional({ default: true, description: AUTO_APPLY })
  @IsOptional()
  @IsBoolean()
  readonly autoApply?: boolean;
}

/** As keys and identities show them: `autoApply` always there. */
@ApiSchema({ name: 'NamedRateLimit' })
export class NamedRateLimitViewDto extends RateLimitDto implements NamedRateLimit {
  @ApiProperty(NAME)
  readonly name!: string;

  @ApiProperty({ description: AUTO_APPLY })
  readonly autoApply!: boolean;
}

const hasUniqueNames = (value: unknown): boolean => {
  if (!Array.isArray(value)) return false;
  const names = value.map((entry: unknown) => (typeof entry === 'object' && entry !== null ? (entry as { name?: unknown }).name : undefined));
  return new Set(names).size === names.length;
};

/** Up to MAX_NAMED_RATE_LIMITS `{ name, limit, windowSeconds, autoApply? }`, names unique. */
export const IsNamedRateLimits = (): PropertyDecorator =>
  applyDecorators(IsArray(), ArrayMaxSize(MAX_NAMED_RATE_LIMITS), Type(() => NamedRateLimitDto), ValidateNested({ each: true }), rule('hasUniqueNames', hasUniqueNames, 'must name each limit once')());
