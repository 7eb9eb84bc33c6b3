import { Param, Res } from '@nestjs/common';
import type { Response } from 'express';
import { Subjects, type CommandContext, ErrorCodes } from '@keyward/contracts';
import { CommandClient } from '../../commands/command.client';
import { CommandCtx } from '../../http/command-context.decorator';
import { answerWritten } from '../../http/consistency.header';
import { KeyIdPipe } from '../key-id.pipe';
import { AdminController } from '../../http/admin-controller.decorator';
import { DeleteByIdRoute } from '../../http/delete-by-id-route.decorator';

@AdminController('keys', 'v1/keys')
export class DeleteKeyHttpController {
  constructor(private readonly commands: CommandClient) {}

  /** Revoked at once and gone from the key table; its events stay in the history for audit. */
  @DeleteByIdRoute('api_keys:write', ErrorCodes.keyNotFound)
  async delete(@Param('id', KeyIdPipe) keyId: string, @CommandCtx() context: CommandContext, @Res({ passthrough: true }) response: Response): Promise<void> {
    answerWritten(response, await this.commands.send(Subjects.keyCommand.delete, { context, keyId }));
  }
}
