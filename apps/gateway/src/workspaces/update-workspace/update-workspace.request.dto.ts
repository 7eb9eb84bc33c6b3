import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsInt, IsObject, IsOptional, IsString, Length, Max, Min, ValidateNested } from 'class-validator';
import { Plans, RateLimitWhenUnreachableChoices, type Plan, type RateLimitWhenUnreachable, type ResourceType, type WorkspaceSettings } from '@keyward/contracts';
import { MAX_CATALOGUE_SIZE, MAX_GROUP_LENGTH, MAX_STALE_AFTER_DAYS, MIN_STALE_AFTER_DAYS } from '@keyward/domain';
import { IsResourceName } from '../../validation/field.validators';

export class ResourceTypeDto implements ResourceType {
  @ApiProperty({ example: 'calls' })
  @IsResourceName()
  resource!: string;

  @ApiProperty({ example: 'Communication', maxLength: MAX_GROUP_LENGTH })
  @Length(1, MAX_GROUP_LENGTH)
  @IsString()
  group!: string;
}

export class WorkspaceSettingsDto implements Partial<WorkspaceSettings> {
  @ApiPropertyOptional({ description: "when true, a key's roles, permissions and shares cannot change after creation (409)" })
  @IsOptional()
  @IsBoolean()
  keyPermissionsImmutable?: boolean;

  @ApiPropertyOptional({ type: [ResourceTypeDto], maxItems: MAX_CATALOGUE_SIZE, description: 'the resource types keys of this workspace can be given' })
  @IsOptional()
  @ValidateNested({ each: true })
  @Type(() => ResourceTypeDto)
  @ArrayMaxSize(MAX_CATALOGUE_SIZE)
  @IsArray()
  resourceCatalogue?: ResourceTypeDto[];

  @ApiPropertyOptional({ type: 'integer', minimum: MIN_STALE_AFTER_DAYS, maximum: MAX_STALE_AFTER_DAYS, example: 90, description: 'a key with no VALID answer for this many days is marked stale' })
  @IsOptional()
  @Max(MAX_STALE_AFTER_DAYS)
  @Min(MIN_STALE_AFTER_DAYS)
  @IsInt()
  staleAfterDays?: number;

  @ApiPropertyOptional({ enum: RateLimitWhenUnreachableChoices, description: "what a rate-limited key answers while the shared rate-limit state is out of reach" })
  @IsOptional()
  @IsIn(RateLimitWhenUnreachableChoices)
  rateLimitWhenUnreachable?: RateLimitWhenUnreachable;

  @ApiPropertyOptional({ description: 'when true (the default), a key named by a signed leak report (POST /v1/leaks) is revoked at once' })
  @IsOptional()
  @IsBoolean()
  revokeLeakedKeys?: boolean;
}

/** Left out, a field keeps its value. The plan is the operator's (root key) to change. */
export class UpdateWorkspaceRequestDto {
  @ApiPropertyOptional({ enum: Plans, description: 'root key only; takes effect at once' })
  @IsOptional()
  @IsIn(Plans)
  plan?: Plan;

  @ApiPropertyOptional({ type: WorkspaceSettingsDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => WorkspaceSettingsDto)
  @IsObject()
  settings?: WorkspaceSettingsDto;
}
