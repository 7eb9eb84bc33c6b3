import { Injectable } from '@nestjs/common';
import { roleStreamId, type CommandReply, type RoleEvent, type CreateRoleRequest, type RoleResult } from '@keyward/contracts';
import { decideRole, newRoleId, roleDecider } from '@keyward/domain';
import { AccessPolicyLoader } from '../../access/access-policy.loader';
import { CommandHandler } from '../../commands/command.handler';
import { IdempotentIds } from '../../commands/idempotent-ids';
import { roleReply } from '../role-payload';

/** No role may hold more than its author: keys given it would escalate. */
@Injectable()
export class CreateRoleHandler {
  constructor(
    private readonly commands: CommandHandler,
    private readonly policies: AccessPolicyLoader,
    private readonly ids: IdempotentIds,
  ) {}

  async execute({ context, name, description, permissions }: CreateRoleRequest): Promise<CommandReply<RoleResult>> {
    const { id: roleId, stream } = await this.ids.for<RoleEvent>('role', context, newRoleId, roleStreamId);
    const outcome = await this.commands.handle(
      roleStreamId(roleId),
      roleDecider,
      context,
      async (state, now, reads) =>
        decideRole({ type: 'CreateRole', roleId, workspaceId: context.workspaceId, name, description, permissions, policy: await this.policies.load(context, [], reads) }, state, now),
      { read: stream },
    );
    return roleReply(outcome);
  }
}
