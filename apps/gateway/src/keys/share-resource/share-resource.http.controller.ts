import { Body, Controller, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiPaymentRequiredResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Subjects, type CommandContext, type KeyView, type ShareResourceRequest } from '@keyward/contracts';
import { RequirePermission } from '../../auth/require-permission.decorator';
import { CommandCtx } from '../../http/command-context.decorator';
import { KeyAccessWriter } from '../key-access.writer';
import { KeyIdPipe } from '../key-id.pipe';
import { ShareResourceRequestDto } from './share-resource.request.dto';

@ApiTags('keys')
@ApiBearerAuth()
@Controller('v1/keys')
export class ShareResourceHttpController {
  constructor(private readonly writer: KeyAccessWriter) {}

  /** Sharing an instance again replaces its access level. */
  @Post(':id/shares')
  @HttpCode(200)
  @RequirePermission('api_keys:write')
  @ApiOkResponse({ description: 'the key' })
  @ApiPaymentRequiredResponse({ description: "PLAN_UPGRADE_REQUIRED: the workspace's plan has no shares" })
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
