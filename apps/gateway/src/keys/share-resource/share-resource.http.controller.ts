import { Body, Controller, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { ErrorCodes, Subjects, type CommandContext, type KeyView, type ShareResourceRequest } from '@keyward/contracts';
import { RequirePermission } from '../../auth/require-permission.decorator';
import { CommandCtx } from '../../http/command-context.decorator';
import { KeyAccessWriter } from '../key-access.writer';
import { KeyIdPipe } from '../key-id.pipe';
import { ShareResourceRequestDto } from './share-resource.request.dto';
import { ApiErrors } from '../../errors/api-errors.decorator';
import { KeyViewDto } from '../key.response.dto';

@ApiTags('keys')
@ApiBearerAuth()
@Controller('v1/keys')
export class ShareResourceHttpController {
  constructor(private readonly writer: KeyAccessWriter) {}

  /** Sharing an instance again replaces its access level. */
  @Post(':id/shares')
  @HttpCode(200)
  @RequirePermission('api_keys:write')
  @ApiOkResponse({ type: KeyViewDto, description: 'the key as its history now shows it' })
  @ApiErrors(ErrorCodes.keyNotFound, ErrorCodes.keyRevoked, ErrorCodes.conflict)
  async share(
    @Param('id', KeyIdPipe) keyId: string,
    @Body() body: ShareResourceRequestDto,
    @CommandCtx() context: CommandContext,
    @Res({ passthrough: true }) response: Response,
  ): Promise<KeyView> {
    const request: ShareResourceRequest = { context, keyId, resource: body.resource, resourceId: body.resourceId, access: body.access };
    return this.writer.write(Subjects.keyCommand.share, request, response);
  }
}
