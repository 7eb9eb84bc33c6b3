import { Injectable } from '@nestjs/common';
import {
  keyStreamId,
  type CommandContext,
  type CommandReply,
  type KeyAccessResult,
  type SetKeyPermissionsRequest,
  type SetKeyRolesRequest,
  type ShareResourceRequest,
  type UnshareResourceRequest,
} from '@keyward/contracts';
import { keyDecider, type AccessPolicy, type KeyCommand } from '@keyward/domain';
import { AccessPolicyLoader } from '../../access/access-policy.loader';
import { CommandHandler } from '../../commands/command.handler';
import { decideWithPolicy } from '../key-decision';

/** Roles, direct permissions and shares: each edit answers what the key holds afterwards. */
@Injectable()
export class EditKeyAccessHandler {
  constructor(
    private readonly commands: CommandHandler,
    private readonly policies: AccessPolicyLoader,
  ) {}

  setRoles({ context, keyId, roles }: SetKeyRolesRequest): Promise<CommandReply<KeyAccessResult>> {
    return this.edit(context, keyId, (policy) => ({ type: 'SetKeyRoles', keyId, workspaceId: context.workspaceId, roles, policy }), roles);
  }

  setPermissions({ context, keyId, permissions, unrestricted }: SetKeyPermissionsRequest): Promise<CommandReply<KeyAccessResult>> {
    return this.edit(context, keyId, (policy) => ({ type: 'SetKeyPermissions', keyId, workspaceId: context.workspaceId, permissions, unrestricted, policy }));
  }

  share({ context, keyId, resource, resourceId, access }: ShareResourceRequest): Promise<CommandReply<KeyAccessResult>> {
    return this.edit(context, keyId, (policy) => ({ type: 'ShareResource', keyId, workspaceId: context.workspaceId, resource, resourceId, access, policy }));
  }

  unshare({ context, keyId, resource, resourceId }: UnshareResourceRequest): Promise<CommandReply<KeyAccessResult>> {
    return this.edit(context, keyId, (policy) => ({ type: 'UnshareResource', keyId, workspaceId: context.workspaceId, resource, resourceId, policy }));
  }

  private async edit(
    context: CommandContext,
    keyId: string,
    command: (policy: AccessPolicy) => KeyCommand,
    rolesNamed: readonly string[] = [],
  ): Promise<CommandReply<KeyAccessResult>> {
    const { state, position } = await this.commands.handle(keyStreamId(keyId), keyDecider, context, decideWithPolicy(this.policies, context, command, rolesNamed));
    if (state.status === 'absent') throw new Error('an access edit left no key');
    return { ok: true, position, result: { id: state.keyId, roles: state.roles, permissions: state.permissions, unrestricted: state.unrestricted, shares: state.shares } };
  }
}
