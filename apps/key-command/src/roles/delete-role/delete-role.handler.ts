import { Injectable } from '@nestjs/common';
import { roleStreamId, type CommandReply, type DeleteRoleResult } from '@keyward/contracts';
import { decideRole, roleDecider } from '@keyward/domain';
import { asCommandContext, asObject } from '../../commands/command-payload';
import { CommandRunner } from '../../commands/command.runner';
import { asRoleId } from '../role-payload';

/** Safe to retry on a conflict: the role ends deleted whatever changed meanwhile. */
const RETRIES_ON_CONFLICT = 3;

@Injectable()
export class DeleteRoleHandler {
  constructor(private readonly runner: CommandRunner) {}

  async execute(payload: unknown): Promise<CommandReply<DeleteRoleResult>> {
    const p = asObject(payload, 'command');
    const context = asCommandContext(p.context);
    const roleId = asRoleId(p.roleId);
    const outcome = await this.runner.run(
      roleStreamId(roleId),
      roleDecider,
      context,
      (state, now) => decideRole({ type: 'DeleteRole', roleId, workspaceId: context.workspaceId }, state, now),
      RETRIES_ON_CONFLICT,
    );
    const deleted = outcome.events[0];
    if (deleted?.type !== 'RoleDeleted') throw new Error('DeleteRole decided no RoleDeleted');
    return { ok: true, position: outcome.position, result: { id: roleId, deletedAt: deleted.data.deletedAt } };
  }
}
