import { Body, Param, Patch, Res } from '@nestjs/common';
import { ApiOkResponse } from '@nestjs/swagger';
import type { Response } from 'express';
import { ErrorCodes, Subjects, type CommandContext, type IdentityView, type UpdateIdentityRequest } from '@keyward/contracts';
import { RequirePermission } from '../auth/require-permission.decorator';
import { ApiErrors } from '../errors/api-errors.decorator';
import { AdminController } from '../http/admin-controller.decorator';
import { CommandCtx } from '../http/command-context.decorator';
import { IdentityIdPipe } from './identity-id.pipe';
import { UpdateIdentityRequestDto } from './identity.request.dto';
import { IdentityViewDto } from './identity.response.dto';
import { IdentityWriter } from './identity.writer';

@AdminController('identities', 'v1/identities')
export class UpdateIdentityHttpController {
  constructor(private readonly writer: IdentityWriter) {}

  /** Its keys verify with the new limits, credits and metadata in every verifier before this answers. */
  @Patch(':id')
  @RequirePermission('api_keys:write')
  @ApiOkResponse({ type: IdentityViewDto, description: 'the identity' })
  @ApiErrors(ErrorCodes.identityNotFound, ErrorCodes.conflict)
  async update(
    @Param('id', IdentityIdPipe) identityId: string,
    @Body() body: UpdateIdentityRequestDto,
    @CommandCtx() context: CommandContext,
    @Res({ passthrough: true }) response: Response,
  ): Promise<IdentityView> {
    const request: UpdateIdentityRequest = {
      context,
      identityId,
      ...(body.externalId !== undefined ? { externalId: body.externalId } : {}),
      ...(body.meta !== undefined ? { meta: body.meta } : {}),
      ...(body.ratelimits !== undefined ? { ratelimits: body.ratelimits } : {}),
      ...(body.credits !== undefined ? { credits: body.credits } : {}),
    };
    return this.writer.write(Subjects.identityCommand.update, request, response);
  }
}
