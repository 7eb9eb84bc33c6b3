import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsISO8601, IsObject, IsOptional, IsString, Length } from 'class-validator';
import { KeyEnvironments, MAX_NAMED_RATE_LIMITS, type JsonObject, type KeyEnvironment, type ResourcePermissions } from '@keyward/contracts';
import { ACCESS_LEVELS, MAX_IP_ALLOWLIST_ENTRIES, MAX_KEY_NAME_LENGTH } from '@keyward/domain';
import { IsClearable, IsDisplayName, IsFutureDateTime, IsIpAllowlist, IsMeta, IsOmittable, IsRateLimit, IsResourcePermissions, IsRoleIdList } from '../../validation/field.validators';
import { CreditsDto, IsCredits, NULLABLE_CREDITS } from '../credits.dto';
import { META_SCHEMA } from '../meta.schema';
import { IsNamedRateLimits, NamedRateLimitDto } from '../named-rate-limit.dto';
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

  @ApiPropertyOptional(NULLABLE_CREDITS('usage credits: each VALID verify spends its `cost` (default 1); with too few left it answers USAGE_EXCEEDED. null: none of its own (unlimited, or its identity\'s)'))
  @IsClearable()
  @IsCredits()
  credits?: CreditsDto | null;

  @ApiPropertyOptional({ type: [NamedRateLimitDto], maxItems: MAX_NAMED_RATE_LIMITS, description: 'named rate limits, each checked through the global limiter; a key\'s limit overrides its identity\'s of the same name' })
  @IsOmittable()
  @IsNamedRateLimits()
  ratelimits?: NamedRateLimitDto[];

  @ApiPropertyOptional(META_SCHEMA('free-form metadata, returned by verify and the API'))
  @IsOmittable()
  @IsMeta()
  @IsObject()
  meta?: JsonObject;

  @ApiPropertyOptional({ example: 'idn_0190f7d2c4a87b3e9f12ab34', description: 'an identity of this workspace: the key shares its limits, credits and metadata; fixed for the key\'s life' })
  @IsOmittable()
  @Length(1, 200)
  @IsString()
  identityId?: string;
}
