import type { WorkspaceSettings } from '@keyward/contracts';

/** Operator only (the root key). */
export interface CreateWorkspace {
  readonly type: 'CreateWorkspace';
  readonly workspaceId: string;
  readonly name: unknown;
  readonly plan: unknown;
  readonly operator: boolean;
}

/** Operator only; takes effect at once. */
export interface ChangeWorkspacePlan {
  readonly type: 'ChangeWorkspacePlan';
  readonly workspaceId: string;
  readonly plan: unknown;
  readonly operator: boolean;
}

/** Fields left out keep their value. */
export interface ChangeWorkspaceSettings {
  readonly type: 'ChangeWorkspaceSettings';
  readonly workspaceId: string;
  readonly settings: Partial<WorkspaceSettings>;
}

export type WorkspaceCommand = CreateWorkspace | ChangeWorkspacePlan | ChangeWorkspaceSettings;
