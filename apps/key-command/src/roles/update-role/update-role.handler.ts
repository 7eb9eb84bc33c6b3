import { Injectable } from '@nestjs/common';
import type { CommandReply, RoleResult } from '@keyward/contracts';
import { asCommandContext, asObject } from '../../commands/command-payload';
import { asRoleId } from '../role-payload';
import { RoleDecisions } from '../role.decisions';

/** Every key holding the role changes with it; the gateway waits until every verifier has applied it. */
@Injectable()
export class UpdateRoleHandler {
  constructor(private readonly roles: RoleDecisions) {}

  execute(payload: unknown): Promise<CommandReply<RoleResult>> {
    const p = asObject(payload, 'command');
    const context = asCommandContext(p.context);
    const roleId = asRoleId(p.roleId);
    return this.roles.write(roleId, context, (policy) => ({
      type: 'UpdateRole',
      roleId,
      workspaceId: context.workspaceId,
      name: p.name,
      description: p.description,
      permissions: p.permissions,
      policy,
    }));
  }
}
