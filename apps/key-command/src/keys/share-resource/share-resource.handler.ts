import { Injectable } from '@nestjs/common';
import type { CommandReply, KeyAccessResult } from '@keyward/contracts';
import { asCommandContext, asObject, asString } from '../../commands/command-payload';
import { KeyDecisions } from '../key.decisions';
import { asKeyId, asShareTarget } from '../key-payload';

@Injectable()
export class ShareResourceHandler {
  constructor(private readonly keys: KeyDecisions) {}

  execute(payload: unknown): Promise<CommandReply<KeyAccessResult>> {
    const p = asObject(payload, 'command');
    const context = asCommandContext(p.context);
    const keyId = asKeyId(p.keyId);
    const target = asShareTarget(p);
    const access = asString(p.access, 'access', 20);
    return this.keys.edit(keyId, context, (policy) => ({ type: 'ShareResource', keyId, workspaceId: context.workspaceId, ...target, access, policy }));
  }
}
