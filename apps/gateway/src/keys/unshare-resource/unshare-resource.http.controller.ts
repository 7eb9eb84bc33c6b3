import { Controller, Delete, Param, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Subjects, type CommandContext, type KeyView } from '@keyward/contracts';
import { RequirePermission } from '../../auth/require-permission.decorator';
import { CommandCtx } from '../../http/command-context.decorator';
import { KeyAccessWriter } from '../key-access.writer';
import { KeyIdPipe } from '../key-id.pipe';

@ApiTags('keys')
@ApiBearerAuth()
@Controller('v1/keys')
export class UnshareResourceHttpController {
  constructor(private readonly writer: KeyAccessWriter) {}

  /** The path names the share; key-command checks its form and that the key has it. */
  @Delete(':id/shares/:resource/:resourceId')
  @RequirePermission('api_keys:write')
  @ApiOkResponse({ description: 'the key' })
  @ApiNotFoundResponse({ description: 'KEY_NOT_FOUND, or SHARE_NOT_FOUND when the key has no such share' })
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
