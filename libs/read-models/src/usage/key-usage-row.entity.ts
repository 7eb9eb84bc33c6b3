import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A key's usage totals: written by the usage projector only, never by a projection of events. */
@Entity({ name: 'key_usage' })
export class KeyUsageRow {
  @PrimaryColumn({ name: 'workspace_id', type: 'text' })
  workspaceId!: string;

  @PrimaryColumn({ name: 'key_id', type: 'text' })
  keyId!: string;

  /** Every VALID answer; bigint comes back as a string. */
  @Column({ name: 'usage_count', type: 'bigint' })
  usageCount!: string;

  /** The last VALID answer. */
  @Column({ name: 'last_used_at', type: 'timestamptz', nullable: true })
  lastUsedAt!: Date | null;
}
