import { Injectable } from '@nestjs/common';
import type { CommandReply, DeleteKeyRequest, DeleteKeyResult } from '@keyward/contracts';
import { CommandHandler } from '../../commands/command.handler';
import { decidedEvent } from '../../commands/decided-event';
import { handleFinalKeyCommand } from '../final-key-command';

/** Revoked and gone from the key table; the history keeps it. */
@Injectable()
export class DeleteKeyHandler {
  constructor(private readonly commands: CommandHandler) {}

  async execute({ context, keyId }: DeleteKeyRequest): Promise<CommandReply<DeleteKeyResult>> {
    const { position, events } = await handleFinalKeyCommand(this.commands, context, keyId, 'DeleteKey');
    const deleted = decidedEvent(events, 'KeyDeleted');
    return { ok: true, position, result: { id: keyId, deletedAt: deleted.data.deletedAt } };
  }
}
