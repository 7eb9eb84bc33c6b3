import { Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse } from '@nestjs/swagger';
import { ErrorCodes, type KeyUsageReport } from '@keyward/contracts';
import { KeyStateQueries, UsageQueries } from '@keyward/read-models';
import { CurrentPrincipal } from '../../auth/current-principal.decorator';
import type { Principal } from '../../auth/principal';
import { RequirePermission } from '../../auth/require-permission.decorator';
import { ApiErrors } from '../../errors/api-errors.decorator';
import { AdminController } from '../../http/admin-controller.decorator';
import { KeyUsageReportDto } from '../../usage/usage-report.response.dto';
import { usageRange, UsageRangeRequestDto } from '../../usage/usage-range.request.dto';
import { KeyIdPipe, keyNotFound } from '../key-id.pipe';

@AdminController('keys', 'v1/keys')
export class GetKeyUsageHttpController {
  constructor(
    private readonly keys: KeyStateQueries,
    private readonly usage: UsageQueries,
  ) {}

  /** A key of another workspace (or a deleted one) is unknown here too: its usage is nobody else's. */
  @Get(':id/usage')
  @RequirePermission('api_keys:read')
  @ApiOkResponse({ type: KeyUsageReportDto, description: "the key's verify answers per hour or day, denials by code" })
  @ApiErrors(ErrorCodes.keyNotFound)
  async get(@Param('id', KeyIdPipe) keyId: string, @Query() query: UsageRangeRequestDto, @CurrentPrincipal() principal: Principal): Promise<KeyUsageReport> {
    const range = usageRange(query);
    if (!(await this.keys.get(principal.workspaceId, keyId))) throw keyNotFound();
    return this.usage.ofKey(principal.workspaceId, keyId, range);
  }
}
