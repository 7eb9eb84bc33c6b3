import { Injectable } from '@nestjs/common';
import { credentialStreamId, type CommandReply, type CredentialResult, type UpdateCredentialRequest } from '@keyward/contracts';
import { credentialDecider, decideCredential } from '@keyward/domain';
import { CommandHandler } from '../../commands/command.handler';
import { credentialActor, credentialReply } from '../credential-payload';

@Injectable()
export class UpdateCredentialHandler {
  constructor(private readonly commands: CommandHandler) {}

  async execute({ context, ...request }: UpdateCredentialRequest): Promise<CommandReply<CredentialResult>> {
    const outcome = await this.commands.handle(credentialStreamId(request.credentialId), credentialDecider, context, (state, now) =>
      decideCredential({ type: 'UpdateCredential', ...request, workspaceId: context.workspaceId, actor: credentialActor(context) }, state, now),
    );
    return credentialReply(outcome);
  }
}
