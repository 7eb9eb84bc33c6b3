import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { Plans, type KeyAccessCode, type KeyAccessView, type KeyStatus, type Plan } from '@keyward/contracts';
import { EntitlementsDto } from '../../workspaces/entitlements.response.dto';
import { KEY_STATUSES } from '../key.response.dto';

/** Every code time travel can answer, and tsc says so when one is added. */
const KEY_ACCESS_CODES = Object.keys({
  VALID: true,
  REVOKED: true,
  EXPIRED: true,
  DISABLED: true,
  PLAN_UPGRADE_REQUIRED: true,
  FORBIDDEN: true,
  INSUFFICIENT_PERMISSIONS: true,
} satisfies Record<KeyAccessCode, true>) as KeyAccessCode[];

@ApiSchema({
  name: 'KeyAccessView',
  description:
    "what a key could do at one moment, folded from the history up to it: the key, its custom roles as they were then and its workspace's plan then. Rate-limit windows are not in the history: RATE_LIMITED is never answered",
})
export class KeyAccessViewDto implements KeyAccessView {
  @ApiProperty({ example: 'key_4f9a2c7e1b3d5f60a8c9e2d1' })
  readonly keyId!: string;

  @ApiProperty({ example: 'default' })
  readonly workspaceId!: string;

  @ApiProperty({ type: String, format: 'date-time', description: 'the moment asked about' })
  readonly asOf!: string;

  @ApiProperty({ enum: KEY_STATUSES, description: "the key's own status then (a secret rotated away is not asked about)" })
  readonly status!: KeyStatus;

  @ApiProperty({ description: 'false for a key with full access' })
  readonly restricted!: boolean;

  @ApiProperty({ type: [String], example: ['read-only', 'role_0190f7d2c4a87b3e9f12ab34'], description: 'roles assigned then, whether or not they granted anything' })
  readonly assignedRoles!: string[];

  @ApiProperty({ type: [String], example: ['read-only'], description: 'the roles a VALID answer would have listed: built-ins, and custom roles that existed then and the plan included' })
  readonly roles!: string[];

  @ApiProperty({ type: [String], example: ['*:read', 'calls:write'], description: 'everything the key held then, under the plan then' })
  readonly permissions!: string[];

  @ApiProperty({ enum: Plans })
  readonly plan!: Plan;

  @ApiProperty({ type: EntitlementsDto })
  readonly entitlements!: EntitlementsDto;

  @ApiProperty({ type: [String], description: 'the IP allowlist then; empty: any address' })
  readonly ipAllowlist!: string[];

  @ApiProperty({ type: [String], example: ['calls:read'], description: 'the permissions asked about' })
  readonly require!: string[];

  @ApiProperty({ type: String, nullable: true, description: "the caller's address asked about; null: none" })
  readonly ip!: string | null;

  @ApiProperty({ enum: KEY_ACCESS_CODES, description: "the code a verify of the key's current secret with `require` and `ip` would have got then" })
  readonly code!: KeyAccessCode;

  @ApiProperty({ description: 'code is VALID' })
  readonly valid!: boolean;
}
