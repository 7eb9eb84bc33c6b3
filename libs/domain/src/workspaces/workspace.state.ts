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

/** A workspace whose creation was not seen (yet): no API access, whoever asks. */
export const UNKNOWN_WORKSPACE_PLAN: Plan = 'free';

/** The plan a folded workspace is on; `default` is never absent. */
export const planOf = (state: WorkspaceState): Plan => (state.status === 'absent' ? UNKNOWN_WORKSPACE_PLAN : state.plan);

/** The state a workspace's history folds from: `default` starts as existing. */
export const workspaceStartState = (workspaceId: string): WorkspaceState =>
  workspaceId === DEFAULT_WORKSPACE_ID ? DEFAULT_WORKSPACE : initialWorkspaceState;
