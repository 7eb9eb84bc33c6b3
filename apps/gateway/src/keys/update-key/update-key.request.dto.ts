import { ApiPropertyOptional, PickType } from '@nestjs/swagger';
import { IsISO8601, IsObject } from 'class-validator';
import type { JsonObject } from '@keyward/contracts';
import { MAX_KEY_NAME_LENGTH } from '@keyward/domain';
import { IsClearable, IsDisplayName, IsFutureDateTime, IsMeta, IsOmittable } from '../../validation/field.validators';
import { CreateKeyRequestDto } from '../create-key/create-key.request.dto';
import { META_SCHEMA } from '../meta.schema';

/**
 * Each field named is set, each left out keeps its value; `null` clears (a name cannot be cleared).
 * Limits, credits and the allowlist are validated as on create. Credits named set the balance anew,
 * even when equal (a new generation: what verifies spent before no longer counts).
 */
export class UpdateKeyRequestDto extends PickType(CreateKeyRequestDto, ['ratelimit', 'ipAllowlist', 'credits', 'ratelimits'] as const) {
  @ApiPropertyOptional({ example: 'orders service (eu)', minLength: 1, maxLength: MAX_KEY_NAME_LENGTH, description: 'trimmed' })
  @IsOmittable()
  @IsDisplayName(MAX_KEY_NAME_LENGTH)
  name?: string;

  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true, example: '2027-01-01T00:00:00Z', description: 'ISO 8601, in the future; null: the key no longer expires' })
  @IsClearable()
  @IsFutureDateTime()
  @IsISO8601({ strict: true })
  expiresAt?: string | null;

  @ApiPropertyOptional({ ...META_SCHEMA('the whole new metadata'), nullable: true, description: 'the whole new metadata; null or {}: none' })
  @IsClearable()
  @IsMeta()
  @IsObject()
  meta?: JsonObject | null;
}
