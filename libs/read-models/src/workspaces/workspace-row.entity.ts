import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { Plan, WorkspaceSettings } from '@keyward/contracts';

/**
 * One row per workspace. Workspace `default` has no `WorkspaceCreated`: its row appears with its
 * first plan or settings change and holds only what events set; null columns read as its start
 * state (`DEFAULT_WORKSPACE` in the domain), the state key-command folds its history from. Every
 * other workspace has every column (a CHECK in the migration says so).
 */
@Entity({ name: 'workspaces' })
export class WorkspaceRow {
  @PrimaryColumn({ type: 'text' })
  id!: string;

  @Column({ type: 'text', nullable: true })
  name!: string | null;

  @Column({ type: 'text', nullable: true })
  plan!: Plan | null;

  @Column({ type: 'jsonb', nullable: true })
  settings!: WorkspaceSettings | null;

  @Column({ name: 'created_at', type: 'timestamptz', nullable: true })
  createdAt!: Date | null;
}
