import { Body, HttpCode, Param, Post, Res } from '@nestjs/common';
import type { Response } from 'express';
import { ErrorCodes, Subjects, type CommandContext, type KeyView, type ShareResourceRequest } from '@keyward/contracts';
import { CommandCtx } from '../../http/command-context.decorator';
import { KeyAccessRoute } from '../key-access-route.decorator';
import { KeyEditWriter } from '../key-edit.writer';
import { KeyIdPipe } from '../key-id.pipe';
import { ShareResourceRequestDto } from './share-resource.request.dto';
import { AdminController } from '../../http/admin-controller.decorator';

@AdminController('keys', 'v1/keys')
export class ShareResourceHttpController {
  constructor(private readonly writer: KeyEditWriter) {}

  /** Sharing an instance again replaces its access level. */
  @Post(':id/shares')
  @HttpCode(200)
  @KeyAccessRoute(ErrorCodes.keyNotFound, ErrorCodes.keyRevoked, ErrorCodes.conflict)
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
