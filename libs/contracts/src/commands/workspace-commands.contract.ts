import type { Plan, WorkspaceSettings } from '../events/workspace-events';
import type { SecretWithheld } from '../idempotency';
import type { CommandContext } from './command-context';

/** Operator only: a new workspace and its first admin key, shown once. */
export interface CreateWorkspaceRequest {
  readonly context: CommandContext;
  readonly name: string;
  readonly plan?: Plan;
}

export interface CreateWorkspaceResult {
  readonly id: string;
  readonly name: string;
  readonly plan: Plan;
  /** The first admin key's secret: returned here once, never stored, never logged. */
  readonly adminKey: string;
  readonly adminKeyId: string;
}

export type CreateWorkspaceAnswer = CreateWorkspaceResult | SecretWithheld<CreateWorkspaceResult, 'adminKey'>;

/** The plan is the operator's to change; settings the workspace admin's. Left out, a field keeps its value. */
export interface UpdateWorkspaceRequest {
  readonly context: CommandContext;
  readonly workspaceId: string;
  readonly plan?: Plan;
  readonly settings?: Partial<WorkspaceSettings>;
}

export interface WorkspaceResult {
  readonly id: string;
  readonly name: string;
  readonly plan: Plan;
  readonly settings: WorkspaceSettings;
}
