import type { EntityManager } from 'typeorm';
import { isRoleEvent, type RoleEvent } from '@keyward/contracts';
import type { RecordedEvent } from '@keyward/event-store';
import { insertOnce } from '../insert-once';
import { RoleRow } from './role-row.entity';

const projectRole = async (manager: EntityManager, event: RecordedEvent<RoleEvent>): Promise<void> => {
  const roles = manager.getRepository(RoleRow);
  switch (event.type) {
    case 'RoleCreated': {
      const d = event.data;
      const createdAt = new Date(d.createdAt);
      await insertOnce(manager, RoleRow, { id: d.roleId, workspaceId: d.workspaceId, name: d.name, description: d.description, permissions: [...d.permissions], createdAt, updatedAt: createdAt });
      return;
    }
    case 'RolePermissionsChanged': {
      const d = event.data;
      // The workspace in the condition too: a role id never moves to another workspace.
      await roles.update(
        { id: d.roleId, workspaceId: d.workspaceId },
        { name: d.name, description: d.description, permissions: [...d.permissions], updatedAt: new Date(d.changedAt) },
      );
      return;
    }
    case 'RoleDeleted':
      // Keys that hold the role keep its id (it grants nothing); only the role's row goes.
      await roles.delete({ id: event.data.roleId, workspaceId: event.data.workspaceId });
      return;
  }
};

/** Applies one event to the role table; any other event changes nothing. Values come from the event, never the clock. */
export const projectRoleEvent = async (manager: EntityManager, event: RecordedEvent): Promise<void> => {
  if (isRoleEvent(event)) await projectRole(manager, event);
};
