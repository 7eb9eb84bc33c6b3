import { Body, Param, Put, Res } from '@nestjs/common';
import { ApiOkResponse } from '@nestjs/swagger';
import type { Response } from 'express';
import { ErrorCodes, Subjects, type CommandContext, type CredentialView } from '@keyward/contracts';
import { RequirePermission } from '../../auth/require-permission.decorator';
import { ApiErrors } from '../../errors/api-errors.decorator';
import { AdminController } from '../../http/admin-controller.decorator';
import { CommandCtx } from '../../http/command-context.decorator';
import { CredentialIdPipe } from '../credential-id.pipe';
import { CredentialSharingRequestDto } from '../credential-sharing.request.dto';
import { CredentialViewDto } from '../credential.response.dto';
import { CredentialWriter } from '../credential.writer';

@AdminController('credentials', 'v1/credentials')
export class SetCredentialSharingHttpController {
  constructor(private readonly writer: CredentialWriter) {}

  /** The given keys and roles become the sharing; sharing with anyone needs the enterprise plan, making it personal again does not. */
  @Put(':id/sharing')
  @RequirePermission('credentials:write')
  @ApiOkResponse({ type: CredentialViewDto, description: 'the credential' })
  @ApiErrors(ErrorCodes.credentialNotFound, ErrorCodes.planUpgradeRequired)
  async share(
    @Param('id', CredentialIdPipe) credentialId: string,
    @Body() body: CredentialSharingRequestDto,
    @CommandCtx() context: CommandContext,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CredentialView> {
    return this.writer.write(Subjects.credentialCommand.setSharing, { context, credentialId, sharedWith: { keys: body.keys, roles: body.roles } }, response);
  }
}
