import { Param, Res } from '@nestjs/common';
import type { Response } from 'express';
import { ErrorCodes, Subjects, type CommandContext } from '@keyward/contracts';
import { CommandClient } from '../../commands/command.client';
import { AdminController } from '../../http/admin-controller.decorator';
import { CommandCtx } from '../../http/command-context.decorator';
import { answerWritten } from '../../http/consistency.header';
import { DeleteByIdRoute } from '../../http/delete-by-id-route.decorator';
import { CredentialIdPipe } from '../credential-id.pipe';

@AdminController('credentials', 'v1/credentials')
export class DeleteCredentialHttpController {
  constructor(private readonly commands: CommandClient) {}

  /** Waits for the projector, which destroys the data key with the row: once this answers, the value is gone for good. */
  @DeleteByIdRoute('credentials:write', ErrorCodes.credentialNotFound)
  async delete(@Param('id', CredentialIdPipe) credentialId: string, @CommandCtx() context: CommandContext, @Res({ passthrough: true }) response: Response): Promise<void> {
    answerWritten(response, await this.commands.send(Subjects.credentialCommand.delete, { context, credentialId }));
  }
}
