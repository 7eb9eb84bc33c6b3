import { Injectable } from '@nestjs/common';
import type { CommandReply, RevokeKeyRequest, RevokeKeyResult } from '@keyward/contracts';
import { CommandHandler } from '../../commands/command.handler';
import { decidedEvent } from '../../commands/decided-event';
import { handleFinalKeyCommand } from '../final-key-command';

@Injectable()
export class RevokeKeyHandler {
  constructor(private readonly commands: CommandHandler) {}

  async execute({ context, keyId, reason }: RevokeKeyRequest): Promise<CommandReply<RevokeKeyResult>> {
    const { position, events } = await handleFinalKeyCommand(this.commands, context, keyId, 'RevokeKey', reason);
    const revoked = decidedEvent(events, 'KeyRevoked');
    return { ok: true, position, result: { id: keyId, status: 'revoked', revokedAt: revoked.data.revokedAt } };
  }
}
