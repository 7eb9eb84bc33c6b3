import { Inject, Injectable } from '@nestjs/common';
import { ErrorCodes, roleStreamId, workspaceStreamId, type CommandContext, type RoleEvent, type WorkspaceEvent } from '@keyward/contracts';
import {
  DomainError,
  evolveRole,
  evolveWorkspace,
  initialRoleState,
  isBuiltInRole,
  isRoleId,
  parseGrants,
  workspacePolicyOf,
  workspaceStartState,
  type AccessPolicy,
  type ExistingWorkspace,
  type Permission,
} from '@keyward/domain';
import type { EventStore } from '@keyward/event-store';
import { EVENT_STORE } from '@keyward/platform';

/**
 * Resolves what a decision about access needs from the history itself (never from a read model,
 * which may lag): the workspace's plan and settings, the custom roles involved, and the caller's
 * authority as the gateway verified it.
 */
@Injectable()
export class AccessPolicyLoader {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async workspace(workspaceId: string): Promise<ExistingWorkspace> {
    const { events } = await this.store.readStream<WorkspaceEvent>(workspaceStreamId(workspaceId));
    const state = events.reduce(evolveWorkspace, workspaceStartState(workspaceId));
    if (state.status === 'absent') throw new DomainError(ErrorCodes.workspaceNotFound, 'no such workspace');
    return state;
  }

  /** Grants of each custom role of `workspaceId` among `roleIds`; unknown, deleted or foreign ones are left out. */
  async roles(workspaceId: string, roleIds: Iterable<string>): Promise<Map<string, readonly Permission[]>> {
    const custom = [...new Set(roleIds)].filter((id) => !isBuiltInRole(id) && isRoleId(id));
    const found = await Promise.all(
      custom.map(async (roleId) => {
        const { events } = await this.store.readStream<RoleEvent>(roleStreamId(roleId));
        const role = events.reduce(evolveRole, initialRoleState);
        return role.status === 'active' && role.workspaceId === workspaceId ? ([roleId, role.grants] as const) : undefined;
      }),
    );
    return new Map(found.filter((entry) => entry !== undefined));
  }

  async load(context: CommandContext, roleIds: Iterable<string> = []): Promise<AccessPolicy> {
    const [workspace, roles] = await Promise.all([this.workspace(context.workspaceId), this.roles(context.workspaceId, roleIds)]);
    return {
      authority: parseGrants(context.grants),
      operator: context.operator,
      workspace: workspacePolicyOf(workspace),
      roleGrants: (roleId) => roles.get(roleId),
    };
  }
}
