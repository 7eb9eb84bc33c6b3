import { Body, Param, Put, Res } from '@nestjs/common';
import { ApiOkResponse } from '@nestjs/swagger';
import type { Response } from 'express';
import { ErrorCodes, Subjects, type CommandContext, type CredentialView } from '@keyward/contracts';
import { VALUE_NOT_HEADER_TEXT, valueFitsLocation } from '@keyward/domain';
import { CredentialStateQueries } from '@keyward/read-models';
import { RequirePermission } from '../../auth/require-permission.decorator';
import { ApiError } from '../../errors/api-error';
import { ApiErrors } from '../../errors/api-errors.decorator';
import { AdminController } from '../../http/admin-controller.decorator';
import { CommandCtx } from '../../http/command-context.decorator';
import { CredentialIdPipe, credentialNotFound } from '../credential-id.pipe';
import { CredentialViewDto } from '../credential.response.dto';
import { CredentialSealer } from '../credential.sealer';
import { CredentialWriter } from '../credential.writer';
import { RotateCredentialValueRequestDto } from './rotate-credential-value.request.dto';

@AdminController('credentials', 'v1/credentials')
export class RotateCredentialValueHttpController {
  constructor(
    private readonly credentials: CredentialStateQueries,
    private readonly sealer: CredentialSealer,
    private readonly writer: CredentialWriter,
  ) {}

  /** Users of the credential carry on unchanged: the next use opens the new value (CredentialValueRotated). */
  @Put(':id/value')
  @RequirePermission('credentials:write')
  @ApiOkResponse({ type: CredentialViewDto, description: 'the credential, its new last four' })
  @ApiErrors(ErrorCodes.credentialNotFound)
  async rotate(
    @Param('id', CredentialIdPipe) credentialId: string,
    @Body() body: RotateCredentialValueRequestDto,
    @CommandCtx() context: CommandContext,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CredentialView> {
    // Another workspace's credential gets no seal under its data key, not even one key-command would refuse.
    const credential = await this.credentials.get(context.workspaceId, credentialId);
    if (!credential) throw credentialNotFound();
    if (!valueFitsLocation(credential.location, body.value)) throw ApiError.invalid([{ field: 'value', message: VALUE_NOT_HEADER_TEXT }]);
    const sealed = await this.sealer.seal(credentialId, context.workspaceId, body.value);
    return this.writer.write(Subjects.credentialCommand.rotateValue, { context, credentialId, ...sealed }, response);
  }
}
