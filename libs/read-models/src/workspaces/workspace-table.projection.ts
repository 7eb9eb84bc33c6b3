import { DEFAULT_WORKSPACE_ID, isWorkspaceEvent, type WorkspaceEvent } from '@keyward/contracts';
import type { RecordedEvent } from '@keyward/event-store';
import type { RowChange } from '../row-change';
import { WorkspaceRow } from './workspace-row.entity';

/** `default` is changed without ever being created: its first change makes its row, of nulls (its start state). */
const ensureRow = (workspaceId: string): RowChange<WorkspaceRow>[] =>
  workspaceId === DEFAULT_WORKSPACE_ID ? [{ kind: 'insert', row: { id: workspaceId, name: null, plan: null, settings: null, createdAt: null } }] : [];

/** What a workspace event does to the workspace table. Values come from the event, never the clock. */
const workspaceChanges = (event: RecordedEvent<WorkspaceEvent>): RowChange<WorkspaceRow>[] => {
  switch (event.type) {
    case 'WorkspaceCreated': {
      const d = event.data;
      return [{ kind: 'insert', row: { id: d.workspaceId, name: d.name, plan: d.plan, settings: d.settings, createdAt: new Date(d.createdAt) } }];
    }
    case 'WorkspacePlanChanged':
      return [...ensureRow(event.data.workspaceId), { kind: 'update', where: { id: event.data.workspaceId }, set: { plan: event.data.plan } }];
    case 'WorkspaceSettingsChanged':
      return [...ensureRow(event.data.workspaceId), { kind: 'update', where: { id: event.data.workspaceId }, set: { settings: event.data.settings } }];
  }
};

/** What an event does to the workspace table: nothing unless it is a workspace event. */
export const workspaceTableChanges = (event: RecordedEvent): RowChange<WorkspaceRow>[] => (isWorkspaceEvent(event) ? workspaceChanges(event) : []);
