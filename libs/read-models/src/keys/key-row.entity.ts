import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { AccessLevel, Credits, JsonObject, KeyEnvironment, NamedRateLimit, RateLimit, Share } from '@keyward/contracts';
import type { KeyUsageRow } from '../usage/key-usage-row.entity';

/**
 * One row per key: what an admin sees. `lifecycle` holds only what events decide (active or
 * revoked); "expired" depends on the clock and is derived when reading, so a rebuild from the
 * history gives identical rows whatever the time.
 */
@Entity({ name: 'keys' })
@Index('keys_workspace_created_idx', ['workspaceId', 'createdAt', 'id'])
@Index('keys_workspace_lifecycle_created_idx', ['workspaceId', 'lifecycle', 'createdAt', 'id'])
@Index('keys_workspace_environment_created_idx', ['workspaceId', 'environment', 'createdAt', 'id'])
@Index('keys_identity_idx', ['identityId'], { where: 'identity_id IS NOT NULL' })
@Index('keys_workspace_expiring_created_idx', ['workspaceId', 'createdAt', 'id'], { where: `lifecycle = 'active' AND expires_at IS NOT NULL` })
export class KeyRow {
  @PrimaryColumn({ type: 'text' })
  id!: string;

  @Column({ name: 'workspace_id', type: 'text' })
  workspaceId!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text' })
  prefix!: string;

  @Column({ name: 'masked_key', type: 'text' })
  maskedKey!: string;

  @Column({ type: 'text' })
  environment!: KeyEnvironment;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'expires_at', type: 'timestamptz', nullable: true })
  expiresAt!: Date | null;

  @Column({ type: 'text' })
  lifecycle!: 'active' | 'revoked';

  @Column({ type: 'boolean' })
  restricted!: boolean;

  /** In order of assignment, each role once. */
  @Column({ type: 'jsonb' })
  roles!: string[];

  @Column({ type: 'jsonb' })
  permissions!: Record<string, AccessLevel>;

  /** In order of sharing; at most one per resource and resource id. */
  @Column({ type: 'jsonb' })
  shares!: Share[];

  @Column({ type: 'jsonb', nullable: true })
  ratelimit!: RateLimit | null;

  /** Normalised entries in the order given; empty: any address. */
  @Column({ name: 'ip_allowlist', type: 'jsonb', default: () => `'[]'::jsonb` })
  ipAllowlist!: string[];

  @Column({ name: 'rotated_at', type: 'timestamptz', nullable: true })
  rotatedAt!: Date | null;

  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true })
  revokedAt!: Date | null;

  /** False while disabled. */
  @Column({ type: 'boolean', default: true })
  enabled!: boolean;

  /** The key's own credits as set (the live balance subtracts what verifies spent, outside this table); null: none. */
  @Column({ type: 'jsonb', nullable: true })
  credits!: Credits | null;

  /** Which setting of the balance is current (0: never set); names the shared spend count. */
  @Column({ name: 'credits_generation', type: 'integer', default: 0 })
  creditsGeneration!: number;

  /** When the current generation was set; refill boundaries count from it. */
  @Column({ name: 'credits_set_at', type: 'timestamptz', nullable: true })
  creditsSetAt!: Date | null;

  @Column({ type: 'jsonb', default: () => `'[]'::jsonb` })
  ratelimits!: NamedRateLimit[];

  @Column({ type: 'jsonb', default: () => `'{}'::jsonb` })
  meta!: JsonObject;

  @Column({ name: 'identity_id', type: 'text', nullable: true })
  identityId!: string | null;

  /** Joined from `key_usage` when listing (`keyPageQuery`); not a column of this table. */
  usage?: KeyUsageRow | null;
}
