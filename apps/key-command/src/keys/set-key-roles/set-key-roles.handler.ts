import { Injectable } from '@nestjs/common';
import type { CommandReply, KeyAccessResult } from '@keyward/contracts';
import { asCommandContext, asObject, asStringArray } from '../../commands/command-payload';
import { KeyDecisions } from '../key.decisions';
import { asKeyId } from '../key-payload';

@Injectable()
export class SetKeyRolesHandler {
  constructor(private readonly keys: KeyDecisions) {}

  execute(payload: unknown): Promise<CommandReply<KeyAccessResult>> {
    const p = asObject(payload, 'command');
    const context = asCommandContext(p.context);
    const keyId = asKeyId(p.keyId);
    const roles = asStringArray(p.roles, 'roles');
    return this.keys.edit(keyId, context, (policy) => ({ type: 'SetKeyRoles', keyId, workspaceId: context.workspaceId, roles, policy }), roles);
  }
}
