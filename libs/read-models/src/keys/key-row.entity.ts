import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { AccessLevel, KeyEnvironment, RateLimit, Share } from '@keyward/contracts';
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

  /** Joined from `key_usage` when listing (`keyPageQuery`); not a column of this table. */
  usage?: KeyUsageRow | null;
}
