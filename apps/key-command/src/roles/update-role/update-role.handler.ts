import { Injectable } from '@nestjs/common';
import { roleStreamId, type CommandReply, type RoleResult } from '@keyward/contracts';
import { decideRole, roleDecider } from '@keyward/domain';
import { AccessPolicyLoader } from '../../access/access-policy.loader';
import { asCommandContext, asObject } from '../../commands/command-payload';
import { CommandRunner } from '../../commands/command.runner';
import { asRoleId, roleResult } from '../role-payload';

/** Every key holding the role changes with it; the gateway waits until every verifier has applied it. */
@Injectable()
export class UpdateRoleHandler {
  constructor(
    private readonly runner: CommandRunner,
    private readonly policies: AccessPolicyLoader,
  ) {}

  async execute(payload: unknown): Promise<CommandReply<RoleResult>> {
    const p = asObject(payload, 'command');
    const context = asCommandContext(p.context);
    const roleId = asRoleId(p.roleId);
    const outcome = await this.runner.run(roleStreamId(roleId), roleDecider, context, async (state, now) => {
      const policy = await this.policies.load(context);
      return decideRole({ type: 'UpdateRole', roleId, workspaceId: context.workspaceId, name: p.name, description: p.description, permissions: p.permissions, policy }, state, now);
    });
    if (outcome.state.status !== 'active') throw new Error('UpdateRole left no role');
    return { ok: true, position: outcome.position, result: roleResult(outcome.state) };
  }
}
