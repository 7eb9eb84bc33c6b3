import { roleStreamId, type RoleEvent, type RoleView } from '@keyward/contracts';
import { isBuiltInRole, roleDecider } from '@keyward/domain';
import type { EventStore } from '@keyward/event-store';
import { builtInRoleView } from './role-view.mapping';

/**
 * One role as its own history says it is now: the domain's `evolve` over the role's stream. It
 * shows a write the moment it is committed, whether or not the projector has caught up, so a role
 * write answers the same shape (`RoleView`) every time.
 */
export class RoleStateQueries {
  constructor(private readonly store: EventStore) {}

  /** `undefined` for an unknown or deleted role and for another workspace's, alike. */
  async get(workspaceId: string, roleId: string): Promise<RoleView | undefined> {
    if (isBuiltInRole(roleId)) return builtInRoleView(workspaceId, roleId);
    const { events } = await this.store.readStream<RoleEvent>(roleStreamId(roleId));
    const state = events.reduce(roleDecider.evolve, roleDecider.initialState());
    if (state.status !== 'active' || state.workspaceId !== workspaceId) return undefined;
    // As the role table dates them: created by RoleCreated, updated by the last change.
    let createdAt: string | null = null;
    let updatedAt: string | null = null;
    for (const event of events) {
      if (event.type === 'RoleCreated') createdAt = updatedAt = event.data.createdAt;
      if (event.type === 'RolePermissionsChanged') updatedAt = event.data.changedAt;
    }
    const { name, description, permissions } = state;
    return { id: roleId, workspaceId, name, description, permissions, builtIn: false, createdAt, updatedAt };
  }
}
