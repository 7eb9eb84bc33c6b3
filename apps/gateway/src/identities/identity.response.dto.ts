import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import type { CreditsView, IdentityPage, IdentityView, JsonObject } from '@keyward/contracts';
import { NULLABLE_CREDITS_VIEW } from '../keys/credits.dto';
import { META_SCHEMA } from '../keys/meta.schema';
import { NamedRateLimitViewDto } from '../keys/named-rate-limit.dto';

const TIME = { type: String, format: 'date-time' } as const;

@ApiSchema({ name: 'IdentityView', description: 'a customer or integration several keys belong to: they share its limits, credits and metadata' })
export class IdentityViewDto implements IdentityView {
  @ApiProperty({ example: 'idn_7Hk2Lm9Pq4Rs8Tv1Wx3Y5Za0' })
  readonly id!: string;

  @ApiProperty({ example: 'default' })
  readonly workspaceId!: string;

  @ApiProperty({ example: 'user_123' })
  readonly externalId!: string;

  @ApiProperty(META_SCHEMA('free-form metadata'))
  readonly meta!: JsonObject;

  @ApiProperty({ type: [NamedRateLimitViewDto] })
  readonly ratelimits!: NamedRateLimitViewDto[];

  @ApiProperty(NULLABLE_CREDITS_VIEW('the credits its keys share, remaining live; null: none'))
  readonly credits!: CreditsView | null;

  @ApiProperty(TIME)
  readonly createdAt!: string;

  @ApiProperty(TIME)
  readonly updatedAt!: string;

  @ApiProperty({ example: 3, description: 'its live keys (not revoked, not deleted); it cannot be deleted while it has any' })
  readonly keyCount!: number;
}

@ApiSchema({ name: 'IdentityPage' })
export class IdentityPageDto implements Omit<IdentityPage, 'items'> {
  @ApiProperty({ type: [IdentityViewDto] })
  readonly items!: IdentityViewDto[];

  @ApiProperty({ type: String, nullable: true, description: 'pass as `cursor` for the next page; null on the last' })
  readonly nextCursor!: string | null;
}
