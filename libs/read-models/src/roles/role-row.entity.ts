import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** One row per custom role; built-in roles have no row (they exist in every workspace). */
@Entity({ name: 'roles' })
@Index('roles_workspace_created_idx', ['workspaceId', 'createdAt', 'id'])
export class RoleRow {
  @PrimaryColumn({ type: 'text' })
  id!: string;

  @Column({ name: 'workspace_id', type: 'text' })
  workspaceId!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text' })
  description!: string;

  /** Permission strings as decided, in their order: `calls:read`, `*:write`, `workflows/wf_42:read`. */
  @Column({ type: 'jsonb' })
  permissions!: string[];

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  /** The creation time until the role is first changed. */
  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
