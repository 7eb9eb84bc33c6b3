import { Get, Query } from '@nestjs/common';
import { ApiOkResponse } from '@nestjs/swagger';
import type { IdentityPage } from '@keyward/contracts';
import { IdentityQueries } from '@keyward/read-models';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import type { Principal } from '../auth/principal';
import { RequirePermission } from '../auth/require-permission.decorator';
import { AdminController } from '../http/admin-controller.decorator';
import { DEFAULT_PAGE_SIZE, readPage } from '../http/page.request.dto';
import { IdentityPageDto } from './identity.response.dto';
import { ListIdentitiesRequestDto } from './identity.request.dto';
import { IdentityViews } from './identity-views';

@AdminController('identities', 'v1/identities')
export class ListIdentitiesHttpController {
  constructor(
    private readonly identities: IdentityQueries,
    private readonly views: IdentityViews,
  ) {}

  /** The caller's workspace only, newest first; `externalId` finds one by the caller's own id. */
  @Get()
  @RequirePermission('api_keys:read')
  @ApiOkResponse({ type: IdentityPageDto, description: 'newest first' })
  async list(@Query() query: ListIdentitiesRequestDto, @CurrentPrincipal() principal: Principal): Promise<IdentityPage> {
    const page = await readPage(() => this.identities.page(principal.workspaceId, { ...query, limit: query.limit ?? DEFAULT_PAGE_SIZE }));
    return { items: await this.views.show(principal.workspaceId, page.items), nextCursor: page.nextCursor };
  }
}
