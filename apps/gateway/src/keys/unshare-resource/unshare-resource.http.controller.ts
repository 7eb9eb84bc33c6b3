import { Delete, Param, Res } from '@nestjs/common';
import type { Response } from 'express';
import { Subjects, type CommandContext, type KeyView, ErrorCodes } from '@keyward/contracts';
import { CommandCtx } from '../../http/command-context.decorator';
import { KeyAccessRoute } from '../key-access-route.decorator';
import { KeyEditWriter } from '../key-edit.writer';
import { KeyIdPipe } from '../key-id.pipe';
import { AdminController } from '../../http/admin-controller.decorator';

@AdminController('keys', 'v1/keys')
export class UnshareResourceHttpController {
  constructor(private readonly writer: KeyEditWriter) {}

  /** The path names the share; key-command checks its form and that the key has it. */
  @Delete(':id/shares/:resource/:resourceId')
  @KeyAccessRoute(ErrorCodes.keyNotFound, ErrorCodes.shareNotFound, ErrorCodes.keyRevoked, ErrorCodes.conflict)
  async unshare(
    @Param('id', KeyIdPipe) keyId: string,
    @Param('resource') resource: string,
    @Param('resourceId') resourceId: string,
    @CommandCtx() context: CommandContext,
    @Res({ passthrough: true }) response: Response,
  ): Promise<KeyView> {
    return this.writer.write(Subjects.keyCommand.unshare, { context, keyId, resource, resourceId }, response);
  }
}
