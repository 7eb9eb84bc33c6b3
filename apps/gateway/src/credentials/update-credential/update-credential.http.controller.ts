import { Body, Param, Patch, Res } from '@nestjs/common';
import { ApiOkResponse } from '@nestjs/swagger';
import type { Response } from 'express';
import { ErrorCodes, Subjects, type CommandContext, type CredentialView, type UpdateCredentialRequest } from '@keyward/contracts';
import { VALUE_NOT_HEADER_TEXT } from '@keyward/domain';
import { CredentialStateQueries } from '@keyward/read-models';
import { RequirePermission } from '../../auth/require-permission.decorator';
import { ApiError } from '../../errors/api-error';
import { ApiErrors } from '../../errors/api-errors.decorator';
import { AdminController } from '../../http/admin-controller.decorator';
import { CommandCtx } from '../../http/command-context.decorator';
import { CredentialIdPipe } from '../credential-id.pipe';
import { CredentialViewDto } from '../credential.response.dto';
import { CredentialSealer } from '../credential.sealer';
import { CredentialWriter } from '../credential.writer';
import { UpdateCredentialRequestDto } from './update-credential.request.dto';

@AdminController('credentials', 'v1/credentials')
export class UpdateCredentialHttpController {
  constructor(
    private readonly credentials: CredentialStateQueries,
    private readonly sealer: CredentialSealer,
    private readonly writer: CredentialWriter,
  ) {}

  @Patch(':id')
  @RequirePermission('credentials:write')
  @ApiOkResponse({ type: CredentialViewDto, description: 'the credential' })
  @ApiErrors(ErrorCodes.credentialNotFound)
  async update(
    @Param('id', CredentialIdPipe) credentialId: string,
    @Body() body: UpdateCredentialRequestDto,
    @CommandCtx() context: CommandContext,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CredentialView> {
    if (body.location !== undefined) {
      const credential = await this.credentials.get(context.workspaceId, credentialId);
      if (credential && !(await this.sealer.fitsLocation(credential, body.location))) throw ApiError.invalid([{ field: 'location', message: VALUE_NOT_HEADER_TEXT }]);
    }
    const request: UpdateCredentialRequest = {
      context,
      credentialId,
      ...(body.name !== undefined ? { name: body.name } : {}),
      ...(body.location !== undefined ? { location: body.location } : {}),
      ...(body.parameterName !== undefined ? { parameterName: body.parameterName } : {}),
      ...(body.allowedHosts !== undefined ? { allowedHosts: body.allowedHosts } : {}),
    };
    return this.writer.write(Subjects.credentialCommand.update, request, response);
  }
}
