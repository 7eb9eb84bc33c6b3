import { Injectable } from '@nestjs/common';
import { roleStreamId, type CommandReply, type DeleteRoleRequest, type DeleteRoleResult } from '@keyward/contracts';
import { decideRole, roleDecider } from '@keyward/domain';
import { CommandHandler } from '../../commands/command.handler';
import { decidedEvent } from '../../commands/decided-event';

/** Safe to retry on a conflict: the role ends deleted whatever changed meanwhile. */
const RETRIES_ON_CONFLICT = 3;

@Injectable()
export class DeleteRoleHandler {
  constructor(private readonly commands: CommandHandler) {}

  async execute({ context, roleId }: DeleteRoleRequest): Promise<CommandReply<DeleteRoleResult>> {
    const { position, events } = await this.commands.handle(
      roleStreamId(roleId),
      roleDecider,
      context,
      (state, now) => decideRole({ type: 'DeleteRole', roleId, workspaceId: context.workspaceId }, state, now),
      { retriesOnConflict: RETRIES_ON_CONFLICT },
    );
    const deleted = decidedEvent(events, 'RoleDeleted');
    return { ok: true, position, result: { id: roleId, deletedAt: deleted.data.deletedAt } };
  }
}
