import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsISO8601, IsOptional } from 'class-validator';
import { KeyEnvironments, type KeyEnvironment, type ResourcePermissions } from '@keyward/contracts';
import { ACCESS_LEVELS, MAX_KEY_NAME_LENGTH } from '@keyward/domain';
import { IsDisplayName, IsFutureDateTime, IsResourcePermissions, IsRoleIdList } from '../../validation/field.validators';

/**
 * Rules run bottom-up and only the first failure per field is reported, so the most basic one
 * (the type) sits lowest.
 */
export class CreateKeyRequestDto {
  @ApiProperty({ example: 'orders service', minLength: 1, maxLength: MAX_KEY_NAME_LENGTH, description: 'trimmed' })
  @IsDisplayName(MAX_KEY_NAME_LENGTH)
  name!: string;

  @ApiPropertyOptional({ example: '2027-01-01T00:00:00Z', format: 'date-time', description: 'ISO 8601, in the future; the key answers EXPIRED from then on' })
  @IsOptional()
  @IsFutureDateTime()
  @IsISO8601({ strict: true })
  expiresAt?: string;

  @ApiPropertyOptional({ enum: KeyEnvironments, default: 'live' })
  @IsOptional()
  @IsIn(KeyEnvironments)
  environment?: KeyEnvironment;

  @ApiPropertyOptional({ type: [String], example: ['read-only'], description: 'role ids; the key inherits their permissions' })
  @IsOptional()
  @IsRoleIdList()
  roles?: string[];

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { type: 'string', enum: [...ACCESS_LEVELS] },
    example: { calls: 'read', contacts: 'write' },
    description: 'direct permissions per resource type',
  })
  @IsOptional()
  @IsResourcePermissions()
  permissions?: ResourcePermissions;

  @ApiPropertyOptional({ description: 'full access, like an admin key' })
  @IsOptional()
  @IsBoolean()
  unrestricted?: boolean;
}
