import { Injectable } from '@nestjs/common';
import type { CommandReply, KeyAccessResult } from '@keyward/contracts';
import { asCommandContext, asObject } from '../../commands/command-payload';
import { KeyDecisions } from '../key.decisions';
import { asKeyId, asShareTarget } from '../key-payload';

@Injectable()
export class UnshareResourceHandler {
  constructor(private readonly keys: KeyDecisions) {}

  execute(payload: unknown): Promise<CommandReply<KeyAccessResult>> {
    const p = asObject(payload, 'command');
    const context = asCommandContext(p.context);
    const keyId = asKeyId(p.keyId);
    const target = asShareTarget(p);
    return this.keys.edit(keyId, context, (policy) => ({ type: 'UnshareResource', keyId, workspaceId: context.workspaceId, ...target, policy }));
  }
}
