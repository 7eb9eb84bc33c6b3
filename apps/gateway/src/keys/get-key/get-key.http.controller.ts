import { Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse } from '@nestjs/swagger';
import { ErrorCodes, type KeyView } from '@keyward/contracts';
import { BusinessClock } from '@keyward/platform';
import { KeyStateQueries } from '@keyward/read-models';
import { CurrentPrincipal } from '../../auth/current-principal.decorator';
import type { Principal } from '../../auth/principal';
import { RequirePermission } from '../../auth/require-permission.decorator';
import { KeyIdPipe, keyNotFound } from '../key-id.pipe';
import { ApiErrors } from '../../errors/api-errors.decorator';
import { KeyViewDto } from '../key.response.dto';
import { GetKeyRequestDto } from './get-key.request.dto';
import { AdminController } from '../../http/admin-controller.decorator';

@AdminController('keys', 'v1/keys')
export class GetKeyHttpController {
  constructor(
    private readonly keys: KeyStateQueries,
    private readonly clock: BusinessClock,
  ) {}

  /**
   * As its history says now, so the caller sees its own write at once, or at `asOf`; another
   * workspace's key is as unknown as one that never existed.
   */
  @Get(':id')
  @RequirePermission('api_keys:read')
  @ApiOkResponse({ type: KeyViewDto, description: 'the key; never its secret' })
  @ApiErrors(ErrorCodes.keyNotFound)
  async get(@Param('id', KeyIdPipe) keyId: string, @Query() query: GetKeyRequestDto, @CurrentPrincipal() principal: Principal): Promise<KeyView> {
    const key = await this.keys.get(principal.workspaceId, keyId, new Date(this.clock.now()), query.asOf === undefined ? undefined : new Date(query.asOf));
    if (!key) throw keyNotFound();
    return key;
  }
}
