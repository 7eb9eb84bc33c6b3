import { Get, Param } from '@nestjs/common';
import { ApiOkResponse } from '@nestjs/swagger';
import { ErrorCodes, type IdentityView } from '@keyward/contracts';
import { IdentityQueries } from '@keyward/read-models';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import type { Principal } from '../auth/principal';
import { RequirePermission } from '../auth/require-permission.decorator';
import { ApiErrors } from '../errors/api-errors.decorator';
import { AdminController } from '../http/admin-controller.decorator';
import { IdentityIdPipe, identityNotFound } from './identity-id.pipe';
import { IdentityViewDto } from './identity.response.dto';
import { IdentityViews } from './identity-views';

@AdminController('identities', 'v1/identities')
export class GetIdentityHttpController {
  constructor(
    private readonly identities: IdentityQueries,
    private readonly views: IdentityViews,
  ) {}

  /** Another workspace's identity is as unknown as one that never existed. */
  @Get(':id')
  @RequirePermission('api_keys:read')
  @ApiOkResponse({ type: IdentityViewDto, description: 'the identity' })
  @ApiErrors(ErrorCodes.identityNotFound)
  async get(@Param('id', IdentityIdPipe) identityId: string, @CurrentPrincipal() principal: Principal): Promise<IdentityView> {
    const record = await this.identities.get(principal.workspaceId, identityId);
    if (!record) throw identityNotFound();
    return this.views.one(principal.workspaceId, record);
  }
}
