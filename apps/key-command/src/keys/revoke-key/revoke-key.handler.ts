import { Injectable } from '@nestjs/common';
import { keyStreamId, type CommandReply, type RevokeKeyRequest, type RevokeKeyResult } from '@keyward/contracts';
import { decideKey, keyDecider } from '@keyward/domain';
import { CommandHandler } from '../../commands/command.handler';
import { FINAL_RETRIES_ON_CONFLICT } from '../key-decision';

/** Final, and needs no access policy. */
@Injectable()
export class RevokeKeyHandler {
  constructor(private readonly commands: CommandHandler) {}

  async execute({ context, keyId }: RevokeKeyRequest): Promise<CommandReply<RevokeKeyResult>> {
    const { position, events } = await this.commands.handle(
      keyStreamId(keyId),
      keyDecider,
      context,
      (state, now) => decideKey({ type: 'RevokeKey', keyId, workspaceId: context.workspaceId }, state, now),
      { retriesOnConflict: FINAL_RETRIES_ON_CONFLICT },
    );
    const revoked = events[0];
    if (revoked?.type !== 'KeyRevoked') throw new Error('RevokeKey decided no KeyRevoked');
    return { ok: true, position, result: { id: keyId, status: 'revoked', revokedAt: revoked.data.revokedAt } };
  }
}
