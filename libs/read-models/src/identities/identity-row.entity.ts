import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { Credits, JsonObject, NamedRateLimit } from '@keyward/contracts';

/** One row per live identity. How many live keys it has is counted from the key table when read, so it has one home. */
@Entity({ name: 'identities' })
@Index('identities_workspace_created_idx', ['workspaceId', 'createdAt', 'id'])
@Index('identities_workspace_external_id_idx', ['workspaceId', 'externalId'])
export class IdentityRow {
  @PrimaryColumn({ type: 'text' })
  id!: string;

  @Column({ name: 'workspace_id', type: 'text' })
  workspaceId!: string;

  @Column({ name: 'external_id', type: 'text' })
  externalId!: string;

  @Column({ type: 'jsonb' })
  meta!: JsonObject;

  @Column({ type: 'jsonb' })
  ratelimits!: NamedRateLimit[];

  /** As set (the live balance subtracts what verifies spent, outside this table); null: none. */
  @Column({ type: 'jsonb', nullable: true })
  credits!: Credits | null;

  /** Which setting of the balance is current (0: never set); names the shared spend count. */
  @Column({ name: 'credits_generation', type: 'integer' })
  creditsGeneration!: number;

  /** When the current generation was set; refill boundaries count from it. */
  @Column({ name: 'credits_set_at', type: 'timestamptz', nullable: true })
  creditsSetAt!: Date | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
