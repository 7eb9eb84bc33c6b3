import { ErrorCodes, type Subjects, type WorkspaceResult } from '@keyward/contracts';
import { DomainError, isWorkspaceId, textInput, validPlan, validSettingsChange, type ExistingWorkspace } from '@keyward/domain';
import type { CommandParser } from '../commands/command-endpoint.decorator';
import { asCommandContext, asObject, optional } from '../commands/command-payload';

type S = typeof Subjects.workspaceCommand;

/** A malformed id can name no workspace, so it is answered as an unknown one. */
export const asWorkspaceId = (value: unknown): string => {
  if (isWorkspaceId(value)) return value;
  throw new DomainError(ErrorCodes.workspaceNotFound, 'no such workspace');
};

export const parseCreateWorkspace: CommandParser<S['create']> = (payload) => {
  const p = asObject(payload, 'command');
  return { context: asCommandContext(p.context), name: textInput(p.name, 'name'), plan: optional(p.plan, validPlan) };
};

export const parseUpdateWorkspace: CommandParser<S['update']> = (payload) => {
  const p = asObject(payload, 'command');
  return {
    context: asCommandContext(p.context),
    workspaceId: asWorkspaceId(p.workspaceId),
    plan: optional(p.plan, validPlan),
    settings: optional(p.settings, (v) => validSettingsChange(asObject(v, 'settings'))),
  };
};

export const workspaceResult = (workspace: ExistingWorkspace): WorkspaceResult => ({
  id: workspace.workspaceId,
  name: workspace.name,
  plan: workspace.plan,
  settings: workspace.settings,
});
