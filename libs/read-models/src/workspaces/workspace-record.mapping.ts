import { DEFAULT_WORKSPACE_ID, type WorkspaceView } from '@keyward/contracts';
import { DEFAULT_WORKSPACE, withSettingDefaults } from '@keyward/domain';
import type { WorkspaceRow } from './workspace-row.entity';

/** A workspace as stored: the gateway adds the entitlements of its plan to make a `WorkspaceView`. */
export type WorkspaceRecord = Omit<WorkspaceView, 'entitlements'>;

/** Workspace `default` before any event about it: it exists without one (product.md section 7). */
export const defaultWorkspaceRecord = (): WorkspaceRecord => ({
  id: DEFAULT_WORKSPACE_ID,
  name: DEFAULT_WORKSPACE.name,
  plan: DEFAULT_WORKSPACE.plan,
  settings: DEFAULT_WORKSPACE.settings,
  createdAt: null,
});

/** Null columns (only `default`'s can be) read as the default workspace's start state. */
export const toWorkspaceRecord = (row: WorkspaceRow): WorkspaceRecord => ({
  id: row.id,
  name: row.name ?? DEFAULT_WORKSPACE.name,
  plan: row.plan ?? DEFAULT_WORKSPACE.plan,
  // A row written before a setting existed lacks it.
  settings: row.settings === null ? DEFAULT_WORKSPACE.settings : withSettingDefaults(row.settings),
  createdAt: row.createdAt?.toISOString() ?? null,
});
