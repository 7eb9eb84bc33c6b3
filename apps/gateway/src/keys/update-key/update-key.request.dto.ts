import { ApiPropertyOptional, PickType } from '@nestjs/swagger';
import { IsISO8601 } from 'class-validator';
import { MAX_KEY_NAME_LENGTH } from '@keyward/domain';
import { IsClearable, IsDisplayName, IsFutureDateTime, IsOmittable } from '../../validation/field.validators';
import { CreateKeyRequestDto } from '../create-key/create-key.request.dto';

/**
 * Each field named is set, each left out keeps its value; `null` clears (a name cannot be cleared).
 * The rate limit and the allowlist are validated as on create.
 */
export class UpdateKeyRequestDto extends PickType(CreateKeyRequestDto, ['ratelimit', 'ipAllowlist'] as const) {
  @ApiPropertyOptional({ example: 'orders service (eu)', minLength: 1, maxLength: MAX_KEY_NAME_LENGTH, description: 'trimmed' })
  @IsOmittable()
  @IsDisplayName(MAX_KEY_NAME_LENGTH)
  name?: string;

  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true, example: '2027-01-01T00:00:00Z', description: 'ISO 8601, in the future; null: the key no longer expires' })
  @IsClearable()
  @IsFutureDateTime()
  @IsISO8601({ strict: true })
  expiresAt?: string | null;
}
