import { Inject, Param, Res } from '@nestjs/common';
import type { Response } from 'express';
import { ErrorCodes, Subjects, type CommandContext } from '@keyward/contracts';
import type { CredentialVault } from '@keyward/vault';
import { CommandClient } from '../../commands/command.client';
import { AdminController } from '../../http/admin-controller.decorator';
import { CommandCtx } from '../../http/command-context.decorator';
import { answerWritten } from '../../http/consistency.header';
import { DeleteByIdRoute } from '../../http/delete-by-id-route.decorator';
import { CredentialIdPipe } from '../credential-id.pipe';
import { CREDENTIAL_VAULT } from '../credential-vault.provider';

@AdminController('credentials', 'v1/credentials')
export class DeleteCredentialHttpController {
  constructor(
    private readonly commands: CommandClient,
    @Inject(CREDENTIAL_VAULT) private readonly vault: CredentialVault,
  ) {}

  /**
   * Once the delete is in the history (key-command refused it unless the credential is live in
   * this workspace), the gateway destroys the data key itself before answering: the wait for the
   * projector is bounded, so its shredding reaction is the backstop (idempotent), not the
   * guarantee. Once this answers 204 the value is gone for good; if the destroy fails the answer
   * is an error, and the projector destroys the key as it applies the delete.
   */
  @DeleteByIdRoute('credentials:write', ErrorCodes.credentialNotFound)
  async delete(@Param('id', CredentialIdPipe) credentialId: string, @CommandCtx() context: CommandContext, @Res({ passthrough: true }) response: Response): Promise<void> {
    const written = await this.commands.send(Subjects.credentialCommand.delete, { context, credentialId });
    await this.vault.destroy(credentialId);
    answerWritten(response, written);
  }
}
