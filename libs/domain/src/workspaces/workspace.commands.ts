import type { Plan, WorkspaceSettings } from '@keyward/contracts';
import type { Permission } from '../permissions/permission';

/** Operator only (the root key). */
export interface CreateWorkspace {
  readonly type: 'CreateWorkspace';
  readonly workspaceId: string;
  readonly name: string;
  readonly plan: Plan;
  readonly operator: boolean;
}

/** Operator only; takes effect at once. */
export interface ChangeWorkspacePlan {
  readonly type: 'ChangeWorkspacePlan';
  readonly workspaceId: string;
  readonly plan: Plan;
  readonly operator: boolean;
}

/** A full-access caller only (settings shape every key of the workspace). Fields left out keep their value. */
export interface ChangeWorkspaceSettings {
  readonly type: 'ChangeWorkspaceSettings';
  readonly workspaceId: string;
  readonly settings: Partial<WorkspaceSettings>;
  /** The caller's effective permissions. */
  readonly authority: readonly Permission[];
}

export type WorkspaceCommand = CreateWorkspace | ChangeWorkspacePlan | ChangeWorkspaceSettings;
