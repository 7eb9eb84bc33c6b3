import type { EntityManager } from 'typeorm';
import { DEFAULT_WORKSPACE_ID, isWorkspaceEvent, type WorkspaceEvent } from '@keyward/contracts';
import type { RecordedEvent } from '@keyward/event-store';
import { insertOnce } from '../insert-once';
import { WorkspaceRow } from './workspace-row.entity';

/** `default` is changed without ever being created: its first change makes its row. */
const ensureRow = async (manager: EntityManager, workspaceId: string): Promise<void> => {
  if (workspaceId !== DEFAULT_WORKSPACE_ID) return;
  await insertOnce(manager, WorkspaceRow, { id: workspaceId });
};

const projectWorkspace = async (manager: EntityManager, event: RecordedEvent<WorkspaceEvent>): Promise<void> => {
  const workspaces = manager.getRepository(WorkspaceRow);
  switch (event.type) {
    case 'WorkspaceCreated': {
      const d = event.data;
      await insertOnce(manager, WorkspaceRow, { id: d.workspaceId, name: d.name, plan: d.plan, settings: d.settings, createdAt: new Date(d.createdAt) });
      return;
    }
    case 'WorkspacePlanChanged':
      await ensureRow(manager, event.data.workspaceId);
      await workspaces.update({ id: event.data.workspaceId }, { plan: event.data.plan });
      return;
    case 'WorkspaceSettingsChanged':
      await ensureRow(manager, event.data.workspaceId);
      await workspaces.update({ id: event.data.workspaceId }, { settings: event.data.settings });
      return;
  }
};

/** Applies one event to the workspace table; any other event changes nothing. Values come from the event, never the clock. */
export const projectWorkspaceEvent = async (manager: EntityManager, event: RecordedEvent): Promise<void> => {
  if (isWorkspaceEvent(event)) await projectWorkspace(manager, event);
};
