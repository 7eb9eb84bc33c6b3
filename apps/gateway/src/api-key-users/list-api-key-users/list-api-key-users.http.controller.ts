import { Get, Query } from '@nestjs/common';
import { ApiOkResponse } from '@nestjs/swagger';
import { ApiKeyUserQueries, type ApiKeyUserPage } from '@keyward/read-models';
import { CurrentPrincipal } from '../../auth/current-principal.decorator';
import type { Principal } from '../../auth/principal';
import { RequirePermission } from '../../auth/require-permission.decorator';
import { DEFAULT_PAGE_SIZE, PageRequestDto, readPage } from '../../http/page.request.dto';
import { ApiKeyUserPageDto } from '../api-key-user-page.response.dto';
import { AdminController } from '../../http/admin-controller.decorator';

@AdminController('api-key-users', 'v1/api-key-users')
export class ListApiKeyUsersHttpController {
  constructor(private readonly users: ApiKeyUserQueries) {}

  /** Each key as its own principal, with its roles and shares: no group, no human seat. */
  @Get()
  @RequirePermission('api_keys:read')
  @ApiOkResponse({ type: ApiKeyUserPageDto })
  async list(@Query() query: PageRequestDto, @CurrentPrincipal() principal: Principal): Promise<ApiKeyUserPage> {
    return readPage(() => this.users.list(principal.workspaceId, { ...query, limit: query.limit ?? DEFAULT_PAGE_SIZE }));
  }
}
