import { Get, Query } from '@nestjs/common';
import { ApiOkResponse } from '@nestjs/swagger';
import type { KeyPage } from '@keyward/contracts';
import { BusinessClock } from '@keyward/platform';
import { KeyQueries } from '@keyward/read-models';
import { CurrentPrincipal } from '../../auth/current-principal.decorator';
import type { Principal } from '../../auth/principal';
import { AdminController } from '../../http/admin-controller.decorator';
import { RequirePermission } from '../../auth/require-permission.decorator';
import { DEFAULT_PAGE_SIZE, readPage } from '../../http/page.request.dto';
import { ListKeysRequestDto } from './list-keys.request.dto';
import { KeyPageDto } from '../key-page.response.dto';

@AdminController('keys', 'v1/keys')
export class ListKeysHttpController {
  constructor(
    private readonly keys: KeyQueries,
    private readonly clock: BusinessClock,
  ) {}

  /** The caller's workspace only, newest first. */
  @Get()
  @RequirePermission('api_keys:read')
  @ApiOkResponse({ type: KeyPageDto, description: 'newest first; never a secret' })
  async list(@Query() query: ListKeysRequestDto, @CurrentPrincipal() principal: Principal): Promise<KeyPage> {
    const stale = query.stale === undefined ? undefined : query.stale === 'true';
    const enabled = query.enabled === undefined ? undefined : query.enabled === 'true';
    return readPage(() => this.keys.list(principal.workspaceId, { ...query, stale, enabled, limit: query.limit ?? DEFAULT_PAGE_SIZE }, new Date(this.clock.now())));
  }
}
