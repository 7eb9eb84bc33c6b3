import { Injectable } from '@nestjs/common';
import { credentialStreamId, type CommandReply, type CredentialResult, type StoreCredentialRequest } from '@keyward/contracts';
import { credentialDecider, decideCredential } from '@keyward/domain';
import { AccessPolicyLoader } from '../../access/access-policy.loader';
import { CommandHandler } from '../../commands/command.handler';
import { credentialReply } from '../credential-payload';
import { KnownPrincipalsLoader } from '../known-principals.loader';

/** The gateway drew the id (the seal is bound to it), so a stream that exists already is a CONFLICT. The storing key owns it. */
@Injectable()
export class StoreCredentialHandler {
  constructor(
    private readonly commands: CommandHandler,
    private readonly policies: AccessPolicyLoader,
    private readonly principals: KnownPrincipalsLoader,
  ) {}

  async execute({ context, ...request }: StoreCredentialRequest): Promise<CommandReply<CredentialResult>> {
    const outcome = await this.commands.handle(credentialStreamId(request.credentialId), credentialDecider, context, async (state, now, reads) => {
      const [policy, known] = await Promise.all([this.policies.load(context, [], reads), this.principals.load(context.workspaceId, request.sharedWith)]);
      return decideCredential({ type: 'StoreCredential', ...request, workspaceId: context.workspaceId, ownerKeyId: context.actor, workspace: policy.workspace, known }, state, now);
    });
    return credentialReply(outcome);
  }
}
