import type { WorkspaceEvent } from '@keyward/contracts';
import type { Decider } from '../decider';
import { decideWorkspace } from './decide-workspace';
import { evolveWorkspace } from './evolve-workspace';
import type { WorkspaceCommand } from './workspace.commands';
import { workspaceStartState, type WorkspaceState } from './workspace.state';

/** The workspace aggregate (stream `workspace-<id>`); `default` starts as existing. */
export const workspaceDecider = (workspaceId: string): Decider<WorkspaceCommand, WorkspaceEvent, WorkspaceState> => ({
  decide: decideWorkspace,
  evolve: evolveWorkspace,
  initialState: () => workspaceStartState(workspaceId),
});
