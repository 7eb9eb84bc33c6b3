import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { CredentialLocation } from '@keyward/contracts';

/**
 * One row per live credential: its definition and last four characters. Never the sealed value:
 * the broker reads that from the credential's stream, so no table holds a copy to outlive its key.
 */
@Entity({ name: 'credentials' })
@Index('credentials_workspace_service_idx', ['workspaceId', 'service', 'createdAt', 'id'])
export class CredentialRow {
  @PrimaryColumn({ type: 'text' })
  id!: string;

  @Column({ name: 'workspace_id', type: 'text' })
  workspaceId!: string;

  @Column({ type: 'text' })
  service!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text' })
  location!: CredentialLocation;

  @Column({ name: 'parameter_name', type: 'text' })
  parameterName!: string;

  @Column({ name: 'allowed_hosts', type: 'jsonb' })
  allowedHosts!: string[];

  @Column({ name: 'owner_key_id', type: 'text' })
  ownerKeyId!: string;

  @Column({ name: 'shared_keys', type: 'jsonb' })
  sharedKeys!: string[];

  @Column({ name: 'shared_roles', type: 'jsonb' })
  sharedRoles!: string[];

  @Column({ name: 'last_four', type: 'text' })
  lastFour!: string;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'rotated_at', type: 'timestamptz', nullable: true })
  rotatedAt!: Date | null;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
