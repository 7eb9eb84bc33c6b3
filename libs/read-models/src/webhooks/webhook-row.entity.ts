import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { WebhookEventType } from '@keyward/contracts';

/** One row per live webhook endpoint: its definition and state. Never the secret nor its sealed form (the sender reads that from the stream). */
@Entity({ name: 'webhooks' })
@Index('webhooks_workspace_idx', ['workspaceId', 'createdAt', 'id'])
export class WebhookRow {
  @PrimaryColumn({ type: 'text' })
  id!: string;

  @Column({ name: 'workspace_id', type: 'text' })
  workspaceId!: string;

  @Column({ type: 'text' })
  url!: string;

  @Column({ type: 'jsonb' })
  events!: WebhookEventType[];

  @Column({ type: 'text' })
  description!: string;

  @Column({ type: 'boolean' })
  enabled!: boolean;

  @Column({ name: 'disabled_reason', type: 'text', nullable: true })
  disabledReason!: string | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'secret_rotated_at', type: 'timestamptz', nullable: true })
  secretRotatedAt!: Date | null;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
