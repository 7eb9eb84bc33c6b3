import { Body, Param, Patch, Res } from '@nestjs/common';
import { ApiOkResponse } from '@nestjs/swagger';
import type { Response } from 'express';
import { ErrorCodes, Subjects, type CommandContext, type CredentialView, type UpdateCredentialRequest } from '@keyward/contracts';
import { RequirePermission } from '../../auth/require-permission.decorator';
import { ApiErrors } from '../../errors/api-errors.decorator';
import { AdminController } from '../../http/admin-controller.decorator';
import { CommandCtx } from '../../http/command-context.decorator';
import { CredentialIdPipe } from '../credential-id.pipe';
import { CredentialViewDto } from '../credential.response.dto';
import { CredentialWriter } from '../credential.writer';
import { UpdateCredentialRequestDto } from './update-credential.request.dto';

@AdminController('credentials', 'v1/credentials')
export class UpdateCredentialHttpController {
  constructor(private readonly writer: CredentialWriter) {}

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
