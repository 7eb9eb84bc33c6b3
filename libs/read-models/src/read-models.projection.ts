import type { EntityManager } from 'typeorm';
import { isKeyEvent, isRoleEvent, isWorkspaceEvent } from '@keyward/contracts';
import type { RecordedEvent } from '@keyward/event-store';
import { projectKeyEvent } from './keys/key-table.projection';
import { projectRoleEvent } from './roles/role-table.projection';
import { projectWorkspaceEvent } from './workspaces/workspace-table.projection';

/**
 * The checkpoint of `projectEvent`: all read-model tables follow the history under one name, so
 * they always stand at the same position. It replaced `key-table` (keys only); migration
 * `ReplayReadModels1763900000003` dropped that checkpoint and emptied the key table so the new
 * projection rebuilds every table from the start.
 */
export const READ_MODELS_PROJECTION = 'read-models';

/**
 * Applies one event to whichever table follows it. An event type this version does not know
 * (from a newer writer) changes nothing and is passed over, like everywhere else.
 */
export const projectEvent = async (manager: EntityManager, event: RecordedEvent): Promise<void> => {
  if (isKeyEvent(event)) await projectKeyEvent(manager, event);
  else if (isRoleEvent(event)) await projectRoleEvent(manager, event);
  else if (isWorkspaceEvent(event)) await projectWorkspaceEvent(manager, event);
};
