import { Controller, Delete, Param, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Subjects, type CommandContext, type KeyView, ErrorCodes } from '@keyward/contracts';
import { RequirePermission } from '../../auth/require-permission.decorator';
import { CommandCtx } from '../../http/command-context.decorator';
import { KeyAccessWriter } from '../key-access.writer';
import { KeyIdPipe } from '../key-id.pipe';
import { ApiErrors } from '../../errors/api-errors.decorator';
import { KeyViewDto } from '../key.response.dto';

@ApiTags('keys')
@ApiBearerAuth()
@Controller('v1/keys')
export class UnshareResourceHttpController {
  constructor(private readonly writer: KeyAccessWriter) {}

  /** The path names the share; key-command checks its form and that the key has it. */
  @Delete(':id/shares/:resource/:resourceId')
  @RequirePermission('api_keys:write')
  @ApiOkResponse({ type: KeyViewDto, description: 'the key as its history now shows it' })
  @ApiErrors(ErrorCodes.keyNotFound, ErrorCodes.shareNotFound, ErrorCodes.keyRevoked, ErrorCodes.conflict)
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
