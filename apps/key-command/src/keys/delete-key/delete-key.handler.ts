import { Injectable } from '@nestjs/common';
import { keyStreamId, type CommandReply, type DeleteKeyRequest, type DeleteKeyResult } from '@keyward/contracts';
import { decideKey, keyDecider } from '@keyward/domain';
import { CommandHandler } from '../../commands/command.handler';
import { FINAL_RETRIES_ON_CONFLICT } from '../key-decision';

/** Revoked and gone from the key table; the history keeps it. Needs no access policy. */
@Injectable()
export class DeleteKeyHandler {
  constructor(private readonly commands: CommandHandler) {}

  async execute({ context, keyId }: DeleteKeyRequest): Promise<CommandReply<DeleteKeyResult>> {
    const { position, events } = await this.commands.handle(
      keyStreamId(keyId),
      keyDecider,
      context,
      (state, now) => decideKey({ type: 'DeleteKey', keyId, workspaceId: context.workspaceId }, state, now),
      { retriesOnConflict: FINAL_RETRIES_ON_CONFLICT },
    );
    const deleted = events[0];
    if (deleted?.type !== 'KeyDeleted') throw new Error('DeleteKey decided no KeyDeleted');
    return { ok: true, position, result: { id: keyId, deletedAt: deleted.data.deletedAt } };
  }
}
