import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsISO8601, IsOptional } from 'class-validator';
import { KeyEnvironments, type KeyEnvironment, type ResourcePermissions } from '@keyward/contracts';
import { ACCESS_LEVELS, MAX_IP_ALLOWLIST_ENTRIES, MAX_KEY_NAME_LENGTH } from '@keyward/domain';
import { IsClearable, IsDisplayName, IsFutureDateTime, IsIpAllowlist, IsOmittable, IsRateLimit, IsResourcePermissions, IsRoleIdList } from '../../validation/field.validators';
import { NULLABLE_RATE_LIMIT, RateLimitDto } from '../rate-limit.dto';

/**
 * Rules run bottom-up and only the first failure per field is reported, so the most basic one
 * (the type) sits lowest. Naming `roles`, `permissions` or `unrestricted` at all decides the
 * key's access (product.md section 2), so they may be left out but are never `null`.
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
  @IsOmittable()
  @IsRoleIdList()
  roles?: string[];

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { type: 'string', enum: [...ACCESS_LEVELS] },
    example: { calls: 'read', contacts: 'write' },
    description: 'direct permissions per resource type',
  })
  @IsOmittable()
  @IsResourcePermissions()
  permissions?: ResourcePermissions;

  @ApiPropertyOptional({ description: 'full access, like an admin key; the default only when neither roles nor permissions are named (naming either, even empty, makes a restricted key holding exactly that)' })
  @IsOmittable()
  @IsBoolean()
  unrestricted?: boolean;

  @ApiPropertyOptional(NULLABLE_RATE_LIMIT('at most `limit` VALID verify answers per window, across every verifier; null: none'))
  @IsClearable()
  @IsRateLimit(() => RateLimitDto)
  ratelimit?: RateLimitDto | null;

  @ApiPropertyOptional({ type: [String], nullable: true, maxItems: MAX_IP_ALLOWLIST_ENTRIES, example: ['203.0.113.0/24'], description: 'IPv4/IPv6 addresses and CIDR ranges; verify then needs an `ip` inside one of them; empty or null: any address' })
  @IsClearable()
  @IsIpAllowlist()
  ipAllowlist?: string[] | null;
}
