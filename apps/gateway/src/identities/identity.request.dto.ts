import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsObject, IsOptional, IsString } from 'class-validator';
import { MAX_NAMED_RATE_LIMITS, type JsonObject } from '@keyward/contracts';
import { MAX_EXTERNAL_ID_LENGTH, validExternalId } from '@keyward/domain';
import { PageRequestDto } from '../http/page.request.dto';
import { CreditsDto, IsCredits, NULLABLE_CREDITS } from '../keys/credits.dto';
import { META_SCHEMA } from '../keys/meta.schema';
import { IsNamedRateLimits, NamedRateLimitDto } from '../keys/named-rate-limit.dto';
import { IsClearable, IsMeta, IsOmittable, rule } from '../validation/field.validators';

const isExternalId = (value: unknown): boolean => {
  try {
    validExternalId(value);
    return true;
  } catch {
    return false;
  }
};

/** By the domain's rule (identities/identity-values.ts): taken exactly as sent, not trimmed. */
const IsExternalId = rule('isExternalId', isExternalId, `must be 1 to ${MAX_EXTERNAL_ID_LENGTH} printable characters`);

const EXTERNAL_ID = { example: 'user_123', minLength: 1, maxLength: MAX_EXTERNAL_ID_LENGTH, description: 'your own id for it, unique in the workspace; taken exactly as sent' } as const;
const CREDITS = "usage credits its keys share (a key's own credits come first): each VALID verify spends its cost; null: none. Setting them takes a full-access key (403 FORBIDDEN otherwise)";
const RATELIMITS = "named rate limits all its keys share (one counter per limit, not per key); a key's limit of the same name overrides it. Setting them takes a full-access key (403 FORBIDDEN otherwise)";

/** Rules run bottom-up; only the first failure per field is reported. */
export class CreateIdentityRequestDto {
  @ApiProperty(EXTERNAL_ID)
  @IsExternalId()
  @IsString()
  externalId!: string;

  @ApiPropertyOptional(META_SCHEMA('free-form metadata, returned by verify with each of its keys'))
  @IsOmittable()
  @IsMeta()
  @IsObject()
  meta?: JsonObject;

  @ApiPropertyOptional({ type: [NamedRateLimitDto], maxItems: MAX_NAMED_RATE_LIMITS, description: RATELIMITS })
  @IsOmittable()
  @IsNamedRateLimits()
  ratelimits?: NamedRateLimitDto[];

  @ApiPropertyOptional(NULLABLE_CREDITS(CREDITS))
  @IsClearable()
  @IsCredits()
  credits?: CreditsDto | null;
}

/** Each field named is set, each left out keeps its value; `null` clears metadata or credits. Credits named start a new generation. */
export class UpdateIdentityRequestDto {
  @ApiPropertyOptional(EXTERNAL_ID)
  @IsOmittable()
  @IsExternalId()
  @IsString()
  externalId?: string;

  @ApiPropertyOptional({ ...META_SCHEMA('the whole new metadata'), nullable: true, description: 'the whole new metadata; null or {}: none' })
  @IsClearable()
  @IsMeta()
  @IsObject()
  meta?: JsonObject | null;

  @ApiPropertyOptional({ type: [NamedRateLimitDto], maxItems: MAX_NAMED_RATE_LIMITS, description: `the whole new list; ${RATELIMITS}` })
  @IsOmittable()
  @IsNamedRateLimits()
  ratelimits?: NamedRateLimitDto[];

  @ApiPropertyOptional(NULLABLE_CREDITS(`${CREDITS}; set anew even when equal (what verifies spent before no longer counts)`))
  @IsClearable()
  @IsCredits()
  credits?: CreditsDto | null;
}

export class ListIdentitiesRequestDto extends PageRequestDto {
  @ApiPropertyOptional({ ...EXTERNAL_ID, description: 'only the identity with this external id, exactly' })
  @IsOptional()
  @IsExternalId()
  @IsString()
  externalId?: string;
}
