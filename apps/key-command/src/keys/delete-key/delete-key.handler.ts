import { Injectable } from '@nestjs/common';
import type { CommandReply, DeleteKeyResult } from '@keyward/contracts';
import { asCommandContext, asObject } from '../../commands/command-payload';
import { KeyDecisions } from '../key.decisions';
import { asKeyId } from '../key-payload';

/** Revoked and gone from the key table; the history keeps it. */
@Injectable()
export class DeleteKeyHandler {
  constructor(private readonly keys: KeyDecisions) {}

  async execute(payload: unknown): Promise<CommandReply<DeleteKeyResult>> {
    const p = asObject(payload, 'command');
    const keyId = asKeyId(p.keyId);
    const { position, event } = await this.keys.end(keyId, asCommandContext(p.context), 'DeleteKey');
    if (event?.type !== 'KeyDeleted') throw new Error('DeleteKey decided no KeyDeleted');
    return { ok: true, position, result: { id: keyId, deletedAt: event.data.deletedAt } };
  }
}
