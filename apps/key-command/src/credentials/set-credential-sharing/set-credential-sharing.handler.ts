import { Injectable } from '@nestjs/common';
import { credentialStreamId, type CommandReply, type CredentialResult, type SetCredentialSharingRequest } from '@keyward/contracts';
import { credentialDecider, decideCredential } from '@keyward/domain';
import { AccessPolicyLoader } from '../../access/access-policy.loader';
import { CommandHandler } from '../../commands/command.handler';
import { credentialActor, credentialReply } from '../credential-payload';
import { KnownPrincipalsLoader } from '../known-principals.loader';

/** Sharing rests on the workspace's plan, checked again at the append like every entitlement. */
@Injectable()
export class SetCredentialSharingHandler {
  constructor(
    private readonly commands: CommandHandler,
    private readonly policies: AccessPolicyLoader,
    private readonly principals: KnownPrincipalsLoader,
  ) {}

  async execute({ context, credentialId, sharedWith }: SetCredentialSharingRequest): Promise<CommandReply<CredentialResult>> {
    const outcome = await this.commands.handle(credentialStreamId(credentialId), credentialDecider, context, async (state, now, reads) => {
      const [policy, known] = await Promise.all([this.policies.load(context, [], reads), this.principals.load(context.workspaceId, sharedWith)]);
      return decideCredential({ type: 'SetCredentialSharing', credentialId, workspaceId: context.workspaceId, actor: credentialActor(context), sharedWith, workspace: policy.workspace, known }, state, now);
    });
    return credentialReply(outcome);
  }
}
