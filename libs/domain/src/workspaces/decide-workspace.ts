import { ErrorCodes, type WorkspaceEvent, type WorkspaceSettings } from '@keyward/contracts';
import { assertFullAccess } from '../access/access-policy';
import { DomainError } from '../domain.error';
import type { ChangeWorkspacePlan, ChangeWorkspaceSettings, CreateWorkspace, WorkspaceCommand } from './workspace.commands';
import { defaultWorkspaceSettings } from './workspace-settings';
import { assertOperator, validSettingsChange, validWorkspaceName } from './workspace-rules';
import type { ExistingWorkspace, WorkspaceState } from './workspace.state';

const existing = (state: WorkspaceState): ExistingWorkspace => {
  if (state.status === 'absent') throw new DomainError(ErrorCodes.workspaceNotFound, 'no such workspace');
  return state;
};

const createWorkspace = (command: CreateWorkspace, state: WorkspaceState, now: Date): WorkspaceEvent[] => {
  assertOperator(command.operator, 'create workspaces');
  const name = validWorkspaceName(command.name);
  const { plan } = command;
  if (state.status !== 'absent') throw new DomainError(ErrorCodes.conflict, 'a workspace with this id exists already');
  return [{ type: 'WorkspaceCreated', data: { workspaceId: command.workspaceId, name, plan, settings: defaultWorkspaceSettings(), createdAt: now.toISOString() } }];
};

const changePlan = (command: ChangeWorkspacePlan, state: WorkspaceState, now: Date): WorkspaceEvent[] => {
  assertOperator(command.operator, 'change plans');
  const { plan } = command;
  const workspace = existing(state);
  if (workspace.plan === plan) return [];
  return [{ type: 'WorkspacePlanChanged', data: { workspaceId: workspace.workspaceId, plan, changedAt: now.toISOString() } }];
};

/** Equal by value: settings read back from the store (jsonb) may have their keys in another order. */
const sameSettings = (a: WorkspaceSettings, b: WorkspaceSettings): boolean =>
  a.keyPermissionsImmutable === b.keyPermissionsImmutable &&
  a.staleAfterDays === b.staleAfterDays &&
  a.rateLimitWhenUnreachable === b.rateLimitWhenUnreachable &&
  a.revokeLeakedKeys === b.revokeLeakedKeys &&
  a.resourceCatalogue.length === b.resourceCatalogue.length &&
  a.resourceCatalogue.every((r, i) => r.resource === b.resourceCatalogue[i].resource && r.group === b.resourceCatalogue[i].group);

const changeSettings = (command: ChangeWorkspaceSettings, state: WorkspaceState, now: Date): WorkspaceEvent[] => {
  const workspace = existing(state);
  assertFullAccess(command.authority, 'changing workspace settings');
  // The same rule the command's parser applied: the domain keeps its invariants whoever calls it.
  const settings = { ...workspace.settings, ...validSettingsChange(command.settings) };
  if (sameSettings(settings, workspace.settings)) return [];
  return [{ type: 'WorkspaceSettingsChanged', data: { workspaceId: workspace.workspaceId, settings, changedAt: now.toISOString() } }];
};

/** Decides a workspace command against the workspace's state (stream `workspace-<id>`). */
export const decideWorkspace = (command: WorkspaceCommand, state: WorkspaceState, now: Date): WorkspaceEvent[] => {
  switch (command.type) {
    case 'CreateWorkspace':
      return createWorkspace(command, state, now);
    case 'ChangeWorkspacePlan':
      return changePlan(command, state, now);
    case 'ChangeWorkspaceSettings':
      return changeSettings(command, state, now);
  }
};
