import { Injectable } from '@nestjs/common';
import { credentialStreamId, type CommandReply, type CredentialResult, type RotateCredentialValueRequest } from '@keyward/contracts';
import { credentialDecider, decideCredential } from '@keyward/domain';
import { CommandHandler } from '../../commands/command.handler';
import { credentialReply } from '../credential-payload';

/** Not retried on a conflict: of two rotations at once, the caller of the one refused must know its value was not kept. */
@Injectable()
export class RotateCredentialValueHandler {
  constructor(private readonly commands: CommandHandler) {}

  async execute({ context, ...request }: RotateCredentialValueRequest): Promise<CommandReply<CredentialResult>> {
    const outcome = await this.commands.handle(credentialStreamId(request.credentialId), credentialDecider, context, (state, now) =>
      decideCredential({ type: 'RotateCredentialValue', ...request, workspaceId: context.workspaceId }, state, now),
    );
    return credentialReply(outcome);
  }
}
