import { Body, HttpCode, Post, Res } from '@nestjs/common';
import { ApiCreatedResponse } from '@nestjs/swagger';
import type { Response } from 'express';
import { ErrorCodes, Subjects, type CommandContext, type CredentialView, type StoreCredentialRequest } from '@keyward/contracts';
import { newCredentialId } from '@keyward/domain';
import { RequirePermission } from '../../auth/require-permission.decorator';
import { ApiErrors } from '../../errors/api-errors.decorator';
import { AdminController } from '../../http/admin-controller.decorator';
import { CommandCtx } from '../../http/command-context.decorator';
import { CredentialViewDto } from '../credential.response.dto';
import { CredentialSealer } from '../credential.sealer';
import { CredentialWriter } from '../credential.writer';
import { StoreCredentialRequestDto } from './store-credential.request.dto';

@AdminController('credentials', 'v1/credentials')
export class StoreCredentialHttpController {
  constructor(
    private readonly sealer: CredentialSealer,
    private readonly writer: CredentialWriter,
  ) {}

  /** The id is drawn here because the seal is bound to it; the value is sealed before anything else sees it. */
  @Post()
  @HttpCode(201)
  @RequirePermission('credentials:write')
  @ApiCreatedResponse({ type: CredentialViewDto, description: 'the credential, without its value' })
  @ApiErrors(ErrorCodes.planUpgradeRequired)
  async store(@Body() body: StoreCredentialRequestDto, @CommandCtx() context: CommandContext, @Res({ passthrough: true }) response: Response): Promise<CredentialView> {
    const credentialId = newCredentialId();
    const sealed = await this.sealer.seal(credentialId, context.workspaceId, body.value);
    const request: StoreCredentialRequest = {
      context,
      credentialId,
      service: body.service,
      name: body.name,
      location: body.location,
      allowedHosts: body.allowedHosts,
      ...sealed,
      ...(body.parameterName !== undefined ? { parameterName: body.parameterName } : {}),
      ...(body.sharedWith !== undefined ? { sharedWith: { keys: body.sharedWith.keys, roles: body.sharedWith.roles } } : {}),
    };
    return this.sealer.storing(credentialId, () => this.writer.write(Subjects.credentialCommand.store, request, response));
  }
}
