import { Get, Query } from '@nestjs/common';
import { ApiOkResponse } from '@nestjs/swagger';
import type { CredentialView } from '@keyward/contracts';
import { CredentialQueries } from '@keyward/read-models';
import { CurrentPrincipal } from '../../auth/current-principal.decorator';
import type { Principal } from '../../auth/principal';
import { RequirePermission } from '../../auth/require-permission.decorator';
import { AdminController } from '../../http/admin-controller.decorator';
import { CredentialListDto } from '../credential.response.dto';
import { ListCredentialsRequestDto } from './list-credentials.request.dto';

@AdminController('credentials', 'v1/credentials')
export class ListCredentialsHttpController {
  constructor(private readonly credentials: CredentialQueries) {}

  /**
   * Every credential of the workspace, personal ones included, like a team's secrets manager shows
   * its vault to whoever may read it: metadata and last four only, so listing reveals no value;
   * using one is the owner's and its sharedWith's alone (the broker).
   */
  @Get()
  @RequirePermission('credentials:read')
  @ApiOkResponse({ type: CredentialListDto, description: 'in order of creation' })
  async list(@Query() query: ListCredentialsRequestDto, @CurrentPrincipal() principal: Principal): Promise<{ items: CredentialView[] }> {
    return { items: await this.credentials.list(principal.workspaceId, query.service) };
  }
}
