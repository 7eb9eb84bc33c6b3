import type { WorkspaceEvent } from '@keyward/contracts';
import { withSettingDefaults } from './resource-catalogue';
import type { WorkspaceState } from './workspace.state';

/** Folds one event into a workspace's state; unknown events and events before creation change nothing. */
export const evolveWorkspace = (state: WorkspaceState, event: WorkspaceEvent): WorkspaceState => {
  switch (event.type) {
    case 'WorkspaceCreated': {
      const d = event.data;
      return { status: 'active', workspaceId: d.workspaceId, name: d.name, plan: d.plan, settings: withSettingDefaults(d.settings) };
    }
    case 'WorkspacePlanChanged':
      return state.status === 'absent' ? state : { ...state, plan: event.data.plan };
    case 'WorkspaceSettingsChanged':
      return state.status === 'absent' ? state : { ...state, settings: withSettingDefaults(event.data.settings) };
    default:
      return state;
  }
};
