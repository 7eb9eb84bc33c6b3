import { Get, Query } from '@nestjs/common';
import { ApiOkResponse } from '@nestjs/swagger';
import type { WorkspaceUsageReport } from '@keyward/contracts';
import { UsageQueries } from '@keyward/read-models';
import { CurrentPrincipal } from '../../auth/current-principal.decorator';
import type { Principal } from '../../auth/principal';
import { RequirePermission } from '../../auth/require-permission.decorator';
import { AdminController } from '../../http/admin-controller.decorator';
import { WorkspaceUsageReportDto } from '../usage-report.response.dto';
import { usageRange, UsageRangeRequestDto } from '../usage-range.request.dto';

@AdminController('usage', 'v1/usage')
export class GetWorkspaceUsageHttpController {
  constructor(private readonly usage: UsageQueries) {}

  /** The caller's workspace only. */
  @Get()
  @RequirePermission('api_keys:read')
  @ApiOkResponse({ type: WorkspaceUsageReportDto, description: "the workspace's verify answers per hour or day, and its busiest keys" })
  async get(@Query() query: UsageRangeRequestDto, @CurrentPrincipal() principal: Principal): Promise<WorkspaceUsageReport> {
    return this.usage.ofWorkspace(principal.workspaceId, usageRange(query));
  }
}
