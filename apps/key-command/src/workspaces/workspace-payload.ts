import { ErrorCodes, type WorkspaceResult } from '@keyward/contracts';
import { DomainError, randomBase62, type ExistingWorkspace } from '@keyward/domain';

const WORKSPACE_ID = /^(ws_[0-9A-Za-z]{20}|default)$/;

export const newWorkspaceId = (): string => `ws_${randomBase62(20)}`;

/** A malformed id can name no workspace, so it is answered as an unknown one. */
export const asWorkspaceId = (value: unknown): string => {
  if (typeof value === 'string' && WORKSPACE_ID.test(value)) return value;
  throw new DomainError(ErrorCodes.workspaceNotFound, 'no such workspace');
};

export const workspaceResult = (workspace: ExistingWorkspace): WorkspaceResult => ({
  id: workspace.workspaceId,
  name: workspace.name,
  plan: workspace.plan,
  settings: workspace.settings,
});
