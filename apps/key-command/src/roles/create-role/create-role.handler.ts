import { Injectable } from '@nestjs/common';
import { roleStreamId, type CommandReply, type RoleResult } from '@keyward/contracts';
import { newRoleId } from '@keyward/domain';
import { asCommandContext, asObject } from '../../commands/command-payload';
import { IdempotentIds } from '../../commands/idempotent-ids';
import { RoleDecisions } from '../role.decisions';

@Injectable()
export class CreateRoleHandler {
  constructor(
    private readonly roles: RoleDecisions,
    private readonly ids: IdempotentIds,
  ) {}

  async execute(payload: unknown): Promise<CommandReply<RoleResult>> {
    const p = asObject(payload, 'command');
    const context = asCommandContext(p.context);
    const roleId = await this.ids.for('role', context, newRoleId, roleStreamId);
    return this.roles.write(roleId, context, (policy) => ({
      type: 'CreateRole',
      roleId,
      workspaceId: context.workspaceId,
      name: p.name,
      description: p.description,
      permissions: p.permissions,
      policy,
    }));
  }
}
