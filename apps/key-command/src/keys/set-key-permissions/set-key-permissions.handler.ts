import { Injectable } from '@nestjs/common';
import type { CommandReply, KeyAccessResult } from '@keyward/contracts';
import { asBoolean, asCommandContext, asObject, optional } from '../../commands/command-payload';
import { KeyDecisions } from '../key.decisions';
import { asKeyId, asPermissions } from '../key-payload';

@Injectable()
export class SetKeyPermissionsHandler {
  constructor(private readonly keys: KeyDecisions) {}

  execute(payload: unknown): Promise<CommandReply<KeyAccessResult>> {
    const p = asObject(payload, 'command');
    const context = asCommandContext(p.context);
    const keyId = asKeyId(p.keyId);
    const permissions = asPermissions(p.permissions);
    const unrestricted = optional(p.unrestricted, (v) => asBoolean(v, 'unrestricted'));
    return this.keys.edit(keyId, context, (policy) => ({ type: 'SetKeyPermissions', keyId, workspaceId: context.workspaceId, permissions, unrestricted, policy }));
  }
}
