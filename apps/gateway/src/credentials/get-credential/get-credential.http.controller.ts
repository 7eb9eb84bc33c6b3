import { Get, Param } from '@nestjs/common';
import { ApiOkResponse } from '@nestjs/swagger';
import { ErrorCodes, type CredentialView } from '@keyward/contracts';
import { CredentialQueries } from '@keyward/read-models';
import { CurrentPrincipal } from '../../auth/current-principal.decorator';
import type { Principal } from '../../auth/principal';
import { RequirePermission } from '../../auth/require-permission.decorator';
import { ApiErrors } from '../../errors/api-errors.decorator';
import { AdminController } from '../../http/admin-controller.decorator';
import { CredentialIdPipe, credentialNotFound } from '../credential-id.pipe';
import { CredentialViewDto } from '../credential.response.dto';

@AdminController('credentials', 'v1/credentials')
export class GetCredentialHttpController {
  constructor(private readonly credentials: CredentialQueries) {}

  /** A credential of another workspace is as unknown as one that never existed. */
  @Get(':id')
  @RequirePermission('credentials:read')
  @ApiOkResponse({ type: CredentialViewDto, description: 'the credential, without its value' })
  @ApiErrors(ErrorCodes.credentialNotFound)
  async get(@Param('id', CredentialIdPipe) credentialId: string, @CurrentPrincipal() principal: Principal): Promise<CredentialView> {
    const credential = await this.credentials.get(principal.workspaceId, credentialId);
    if (!credential) throw credentialNotFound();
    return credential;
  }
}
