import { Injectable } from '@nestjs/common';
import { credentialStreamId, type CommandReply, type DeleteCredentialRequest, type DeleteCredentialResult } from '@keyward/contracts';
import { credentialDecider, decideCredential } from '@keyward/domain';
import { CommandHandler } from '../../commands/command.handler';
import { decidedEvent } from '../../commands/decided-event';

/** Safe to retry on a conflict: the credential ends deleted whatever changed meanwhile. */
const RETRIES_ON_CONFLICT = 3;

@Injectable()
export class DeleteCredentialHandler {
  constructor(private readonly commands: CommandHandler) {}

  async execute({ context, credentialId }: DeleteCredentialRequest): Promise<CommandReply<DeleteCredentialResult>> {
    const { position, events } = await this.commands.handle(
      credentialStreamId(credentialId),
      credentialDecider,
      context,
      (state, now) => decideCredential({ type: 'DeleteCredential', credentialId, workspaceId: context.workspaceId }, state, now),
      { retriesOnConflict: RETRIES_ON_CONFLICT },
    );
    const deleted = decidedEvent(events, 'CredentialDeleted');
    return { ok: true, position, result: { id: credentialId, deletedAt: deleted.data.deletedAt } };
  }
}
