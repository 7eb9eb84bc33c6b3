import type { Entitlements } from './entitlements';
import type { Plan, WorkspaceSettings } from './events/workspace-events';

export interface WorkspaceView {
  readonly id: string;
  readonly name: string;
  readonly plan: Plan;
  readonly settings: WorkspaceSettings;
  readonly entitlements: Entitlements;
  readonly createdAt: string | null;
}
