import { ErrorCodes, type WorkspaceResult } from '@keyward/contracts';
import { DomainError, isWorkspaceId, type ExistingWorkspace } from '@keyward/domain';

/** A malformed id can name no workspace, so it is answered as an unknown one. */
export const asWorkspaceId = (value: unknown): string => {
  if (isWorkspaceId(value)) return value;
  throw new DomainError(ErrorCodes.workspaceNotFound, 'no such workspace');
};

export const workspaceResult = (workspace: ExistingWorkspace): WorkspaceResult => ({
  id: workspace.workspaceId,
  name: workspace.name,
  plan: workspace.plan,
  settings: workspace.settings,
});
