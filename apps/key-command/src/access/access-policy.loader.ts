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
import type { DecisionReads } from '../commands/decision-reads';

/** Workspaces whose state is kept between commands; past this, the least recently read is dropped. */
const MAX_KEPT_WORKSPACES = 10_000;

interface KeptWorkspace {
  readonly version: bigint | null;
  readonly state: ExistingWorkspace;
}

/**
 * Resolves what a decision about access needs from the history itself (never from a read model,
 * which may lag): the workspace's plan and settings, the custom roles involved, and the caller's
 * authority as the gateway verified it. A workspace's state is kept from one command to the next,
 * read only when it is not kept: the decision notes the version it used (`DecisionReads`), and the
 * append happens only if the workspace is still at it, so a plan change takes effect at once; a
 * refusal on a kept copy is made again on the workspace read afresh.
 */
@Injectable()
export class AccessPolicyLoader {
  private readonly kept = new Map<string, KeptWorkspace>();

  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  private async workspace(workspaceId: string, reads: DecisionReads): Promise<ExistingWorkspace> {
    const streamId = workspaceStreamId(workspaceId);
    const kept = reads.fresh ? undefined : this.kept.get(workspaceId);
    const workspace = kept ?? (await this.readWorkspace(workspaceId, streamId));
    reads.used(streamId, workspace.version, kept !== undefined, () => this.kept.delete(workspaceId));
    return workspace.state;
  }

  private async readWorkspace(workspaceId: string, streamId: string): Promise<KeptWorkspace> {
    const { events, currentVersion } = await this.store.readStream<WorkspaceEvent>(streamId);
    const state = events.reduce(evolveWorkspace, workspaceStartState(workspaceId));
    if (state.status === 'absent') throw new DomainError(ErrorCodes.workspaceNotFound, 'no such workspace');
    const kept = { version: currentVersion, state };
    this.kept.delete(workspaceId); // re-inserted last: the Map's order is the order of reads
    this.kept.set(workspaceId, kept);
    if (this.kept.size > MAX_KEPT_WORKSPACES) this.kept.delete(this.kept.keys().next().value as string);
    return kept;
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

  /** The policy a decision applies; `reads` gets the workspace version it rests on, for the append to check. */
  async load(context: CommandContext, roleIds: Iterable<string>, reads: DecisionReads): Promise<AccessPolicy> {
    const [workspace, roles] = await Promise.all([this.workspace(context.workspaceId, reads), this.roles(context.workspaceId, roleIds)]);
    return {
      authority: parseGrants(context.grants),
      operator: context.operator,
      workspace: workspacePolicyOf(workspace),
      roleGrants: (roleId) => roles.get(roleId),
    };
  }
}
