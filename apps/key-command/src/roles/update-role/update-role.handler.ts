import { Injectable } from '@nestjs/common';
import { roleStreamId, type CommandReply, type RoleResult, type UpdateRoleRequest } from '@keyward/contracts';
import { decideRole, roleDecider } from '@keyward/domain';
import { AccessPolicyLoader } from '../../access/access-policy.loader';
import { CommandHandler } from '../../commands/command.handler';
import { roleReply } from '../role-payload';

/** Every key holding the role changes with it; the gateway waits until every verifier has applied it. */
@Injectable()
export class UpdateRoleHandler {
  constructor(
    private readonly commands: CommandHandler,
    private readonly policies: AccessPolicyLoader,
  ) {}

  async execute({ context, roleId, name, description, permissions }: UpdateRoleRequest): Promise<CommandReply<RoleResult>> {
    const outcome = await this.commands.handle(roleStreamId(roleId), roleDecider, context, async (state, now, reads) =>
      decideRole({ type: 'UpdateRole', roleId, workspaceId: context.workspaceId, name, description, permissions, policy: await this.policies.load(context, [], reads) }, state, now),
    );
    return roleReply(outcome);
  }
}
