import { DEFAULT_WORKSPACE_ID, type Plan, type WorkspaceSettings } from '@keyward/contracts';
import { defaultWorkspaceSettings } from './workspace-settings';

export interface ExistingWorkspace {
  readonly status: 'active';
  readonly workspaceId: string;
  readonly name: string;
  readonly plan: Plan;
  readonly settings: WorkspaceSettings;
}

export type WorkspaceState = { readonly status: 'absent' } | ExistingWorkspace;
export const initialWorkspaceState: WorkspaceState = { status: 'absent' };

/** Workspace `default` exists before any event, on `enterprise`: a self-hosted install has everything. */
export const DEFAULT_WORKSPACE: ExistingWorkspace = {
  status: 'active',
  workspaceId: DEFAULT_WORKSPACE_ID,
  name: 'Default',
  plan: 'enterprise',
  settings: defaultWorkspaceSettings(),
};

/** The state a workspace's history folds from: `default` starts as existing. */
export const workspaceStartState = (workspaceId: string): WorkspaceState =>
  workspaceId === DEFAULT_WORKSPACE_ID ? DEFAULT_WORKSPACE : initialWorkspaceState;
