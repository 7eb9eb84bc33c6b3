import { isRoleEvent, type RoleEvent } from '@keyward/contracts';
import type { RecordedEvent } from '@keyward/event-store';
import type { RowChange } from '../row-change';
import { RoleRow } from './role-row.entity';

/** What a role event does to the role table. Values come from the event, never the clock. */
const roleChange = (event: RecordedEvent<RoleEvent>): RowChange<RoleRow> => {
  switch (event.type) {
    case 'RoleCreated': {
      const d = event.data;
      const createdAt = new Date(d.createdAt);
      return { kind: 'insert', row: { id: d.roleId, workspaceId: d.workspaceId, name: d.name, description: d.description, permissions: [...d.permissions], createdAt, updatedAt: createdAt } };
    }
    case 'RolePermissionsChanged': {
      const d = event.data;
      // The workspace in the condition too: a role id never moves to another workspace.
      return {
        kind: 'update',
        where: { id: d.roleId, workspaceId: d.workspaceId },
        set: { name: d.name, description: d.description, permissions: [...d.permissions], updatedAt: new Date(d.changedAt) },
      };
    }
    case 'RoleDeleted':
      // Keys that hold the role keep its id (it grants nothing); only the role's row goes.
      return { kind: 'delete', where: { id: event.data.roleId, workspaceId: event.data.workspaceId } };
  }
};

/** What an event does to the role table: nothing unless it is a role event. */
export const roleTableChanges = (event: RecordedEvent): RowChange<RoleRow>[] => (isRoleEvent(event) ? [roleChange(event)] : []);
