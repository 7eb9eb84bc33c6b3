import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsISO8601, IsOptional, IsString, Length, Matches } from 'class-validator';
import { KeyEnvironments, type KeyEnvironment, type ResourcePermissions } from '@keyward/contracts';
import { ACCESS_LEVELS, MAX_KEY_NAME_LENGTH } from '@keyward/domain';
import { IsFutureDateTime, IsResourcePermissions } from '../key.validators';

const trim = ({ value }: { value: unknown }): unknown => (typeof value === 'string' ? value.trim() : value);

/**
 * Rules run bottom-up and only the first failure per field is reported, so the most basic one
 * (the type) sits lowest.
 */
export class CreateKeyRequestDto {
  @ApiProperty({ example: 'orders service', minLength: 1, maxLength: MAX_KEY_NAME_LENGTH, description: 'trimmed' })
  @Transform(trim)
  // Control characters would let a name forge lines in logs and consoles.
  @Matches(/^\P{Cc}*$/u, { message: 'name must not contain control characters' })
  @Length(1, MAX_KEY_NAME_LENGTH)
  @IsString()
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
  @Length(1, 64, { each: true })
  @IsString({ each: true })
  @ArrayMaxSize(50)
  @IsArray()
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
