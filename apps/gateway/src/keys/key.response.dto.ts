import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { KeyEnvironments, type CreditsView, type JsonObject, type KeyEnvironment, type KeyStatus, type KeyView, type ResourcePermissions } from '@keyward/contracts';
import { RESOURCE_PERMISSIONS } from './resource-permissions.schema';
import { NULLABLE_CREDITS_VIEW } from './credits.dto';
import { META_SCHEMA } from './meta.schema';
import { NamedRateLimitViewDto } from './named-rate-limit.dto';
import { NULLABLE_RATE_LIMIT, RateLimitDto } from './rate-limit.dto';
import { ShareDto } from './share.response.dto';

/** Every status, and tsc says so when one is added. */
export const KEY_STATUSES = Object.keys({ active: true, expired: true, revoked: true } satisfies Record<KeyStatus, true>) as KeyStatus[];

const TIME = { type: String, format: 'date-time' } as const;

@ApiSchema({ name: 'KeyView', description: 'a key as the gateway shows it: never its secret' })
export class KeyViewDto implements KeyView {
  @ApiProperty({ example: 'key_4f9a2c7e1b3d5f60a8c9e2d1' })
  readonly id!: string;

  @ApiProperty({ example: 'default' })
  readonly workspaceId!: string;

  @ApiProperty({ example: 'orders service' })
  readonly name!: string;

  @ApiProperty({ example: 'kw_live_AbCd' })
  readonly prefix!: string;

  @ApiProperty({ example: 'kw_live_AbCd…wXyZ' })
  readonly maskedKey!: string;

  @ApiProperty({ enum: KeyEnvironments })
  readonly environment!: KeyEnvironment;

  @ApiProperty(TIME)
  readonly createdAt!: string;

  @ApiProperty({ ...TIME, nullable: true })
  readonly expiresAt!: string | null;

  @ApiProperty({ enum: KEY_STATUSES })
  readonly status!: KeyStatus;

  @ApiProperty({ description: 'false for a key with full access, true for one limited by roles, permissions and shares' })
  readonly restricted!: boolean;

  @ApiProperty({ type: [String], example: ['read-only'] })
  readonly roles!: string[];

  @ApiProperty(RESOURCE_PERMISSIONS)
  readonly permissions!: ResourcePermissions;

  @ApiProperty({ type: [ShareDto] })
  readonly shares!: ShareDto[];

  @ApiProperty(NULLABLE_RATE_LIMIT('at most `limit` VALID verify answers per window; null: no limit'))
  readonly ratelimit!: RateLimitDto | null;

  @ApiProperty({ type: [String], example: ['203.0.113.0/24', '2001:db8::7'], description: 'addresses and CIDR ranges verify accepts `ip` from; empty: any address' })
  readonly ipAllowlist!: string[];

  @ApiProperty({ ...TIME, nullable: true })
  readonly rotatedAt!: string | null;

  @ApiProperty({ ...TIME, nullable: true })
  readonly revokedAt!: string | null;

  @ApiProperty({ type: 'integer', minimum: 0, description: 'every VALID verify answer' })
  readonly usageCount!: number;

  @ApiProperty({ ...TIME, nullable: true, description: 'the last VALID verify answer' })
  readonly lastUsedAt!: string | null;

  @ApiProperty({ description: "an active key with no VALID answer for the workspace's staleAfterDays (default 90), counted from its creation if never used" })
  readonly stale!: boolean;

  @ApiProperty({ description: 'an active key that expires within seven days' })
  readonly expiresSoon!: boolean;

  @ApiProperty({ description: 'false while disabled (POST /v1/keys/:id/disable): verify answers DISABLED; the status is kept' })
  readonly enabled!: boolean;

  @ApiProperty(NULLABLE_CREDITS_VIEW("the key's own credits, remaining live; null: none of its own"))
  readonly credits!: CreditsView | null;

  @ApiProperty({ type: [NamedRateLimitViewDto] })
  readonly ratelimits!: NamedRateLimitViewDto[];

  @ApiProperty(META_SCHEMA('free-form metadata'))
  readonly meta!: JsonObject;

  @ApiProperty({ type: String, nullable: true, description: 'the identity whose limits, credits and metadata the key shares' })
  readonly identityId!: string | null;
}
