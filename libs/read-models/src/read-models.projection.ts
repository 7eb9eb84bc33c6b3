import type { EntityManager } from 'typeorm';
import { isCredentialEvent, isKeyEvent, isRoleEvent, isWorkspaceEvent, type KeyCreated } from '@keyward/contracts';
import type { RecordedEvent } from '@keyward/event-store';
import { projectCredentialEvent } from './credentials/credential-table.projection';
import { insertCreatedKeys, projectKeyEvent } from './keys/key-table.projection';
import { projectRoleEvent } from './roles/role-table.projection';
import { projectWorkspaceEvent } from './workspaces/workspace-table.projection';

/**
 * The checkpoint of `projectEvents`: all read-model tables follow the history under one name, so
 * they always stand at the same position. It replaced `key-table` (keys only); migration
 * `ReplayReadModels1763900000003` dropped that checkpoint and emptied the key table so the new
 * projection rebuilds every table from the start.
 */
export const READ_MODELS_PROJECTION = 'read-models';

/**
 * Applies one event to whichever table follows it. An event type this version does not know
 * (from a newer writer) changes nothing and is passed over, like everywhere else.
 */
const projectEvent = async (manager: EntityManager, event: RecordedEvent): Promise<void> => {
  if (isKeyEvent(event)) await projectKeyEvent(manager, event);
  else if (isRoleEvent(event)) await projectRoleEvent(manager, event);
  else if (isWorkspaceEvent(event)) await projectWorkspaceEvent(manager, event);
  else if (isCredentialEvent(event)) await projectCredentialEvent(manager, event);
};

const isKeyCreated = (event: RecordedEvent): event is RecordedEvent<KeyCreated> => event.type === 'KeyCreated' && isKeyEvent(event);

/**
 * Applies a batch in order, as `projectEvent` one by one would, but consecutive key creations in
 * one insert. Only consecutive ones: an event between them may concern a key created before it.
 */
export const projectEvents = async (manager: EntityManager, events: readonly RecordedEvent[]): Promise<void> => {
  let created: RecordedEvent<KeyCreated>[] = [];
  for (const event of events) {
    if (isKeyCreated(event)) {
      created.push(event);
      continue;
    }
    if (created.length > 0) await insertCreatedKeys(manager, created);
    created = [];
    await projectEvent(manager, event);
  }
  if (created.length > 0) await insertCreatedKeys(manager, created);
};
