import { Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse } from '@nestjs/swagger';
import { ErrorCodes, type KeyAccessView } from '@keyward/contracts';
import { BusinessClock } from '@keyward/platform';
import { KeyAccessQueries } from '@keyward/read-models';
import { CurrentPrincipal } from '../../auth/current-principal.decorator';
import type { Principal } from '../../auth/principal';
import { RequirePermission } from '../../auth/require-permission.decorator';
import { ApiErrors } from '../../errors/api-errors.decorator';
import { AdminController } from '../../http/admin-controller.decorator';
import { KeyIdPipe, keyNotFound } from '../key-id.pipe';
import { GetKeyAccessRequestDto, keyAccessQuestionOf } from './get-key-access.request.dto';
import { KeyAccessViewDto } from './key-access.response.dto';

@AdminController('keys', 'v1/keys')
export class GetKeyAccessHttpController {
  constructor(
    private readonly access: KeyAccessQueries,
    private readonly clock: BusinessClock,
  ) {}

  /**
   * Time travel (product.md 9.6), an auditor's question: `audit:read`, because the answer spells
   * out custom roles' grants as they were then (even of roles deleted since), which neither
   * `api_keys:read` nor `roles:read` shows. A key that did not exist then, was deleted by then or is
   * another workspace's is unknown.
   */
  @Get(':id/access')
  @RequirePermission('audit:read')
  @ApiOkResponse({ type: KeyAccessViewDto, description: 'what the key could do at that moment, and the verify code `require` would have got' })
  @ApiErrors(ErrorCodes.keyNotFound)
  async get(@Param('id', KeyIdPipe) keyId: string, @Query() query: GetKeyAccessRequestDto, @CurrentPrincipal() principal: Principal): Promise<KeyAccessView> {
    const access = await this.access.get(principal.workspaceId, keyId, keyAccessQuestionOf(query, new Date(this.clock.now())));
    if (!access) throw keyNotFound();
    return access;
  }
}
