import { Injectable } from '@nestjs/common';
import { roleStreamId, type CommandContext, type CommandReply, type RoleResult } from '@keyward/contracts';
import { decideRole, roleDecider, type AccessPolicy, type RoleCommand } from '@keyward/domain';
import { AccessPolicyLoader } from '../access/access-policy.loader';
import { CommandRunner } from '../commands/command.runner';
import { roleResult } from './role-payload';

/** Creates or edits a role against the caller's access policy (no role may hold more than its author). */
@Injectable()
export class RoleDecisions {
  constructor(
    private readonly runner: CommandRunner,
    private readonly policies: AccessPolicyLoader,
  ) {}

  async write(roleId: string, context: CommandContext, command: (policy: AccessPolicy) => RoleCommand): Promise<CommandReply<RoleResult>> {
    const outcome = await this.runner.run(roleStreamId(roleId), roleDecider, context, async (state, now) =>
      decideRole(command(await this.policies.load(context)), state, now),
    );
    if (outcome.state.status !== 'active') throw new Error(`a role write left role ${roleId} inactive`);
    return { ok: true, position: outcome.position, result: roleResult(outcome.state) };
  }
}
