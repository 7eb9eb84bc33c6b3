import { Injectable } from '@nestjs/common';
import type { CommandReply, RevokeKeyResult } from '@keyward/contracts';
import { asCommandContext, asObject } from '../../commands/command-payload';
import { KeyDecisions } from '../key.decisions';
import { asKeyId } from '../key-payload';

@Injectable()
export class RevokeKeyHandler {
  constructor(private readonly keys: KeyDecisions) {}

  async execute(payload: unknown): Promise<CommandReply<RevokeKeyResult>> {
    const p = asObject(payload, 'command');
    const keyId = asKeyId(p.keyId);
    const { position, event } = await this.keys.end(keyId, asCommandContext(p.context), 'RevokeKey');
    if (event?.type !== 'KeyRevoked') throw new Error('RevokeKey decided no KeyRevoked');
    return { ok: true, position, result: { id: keyId, status: 'revoked', revokedAt: event.data.revokedAt } };
  }
}
