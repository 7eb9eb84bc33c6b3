import { Get } from '@nestjs/common';
import { ApiOkResponse } from '@nestjs/swagger';
import { ErrorCodes, type WorkspaceView } from '@keyward/contracts';
import { WorkspaceQueries } from '@keyward/read-models';
import { CurrentPrincipal } from '../../auth/current-principal.decorator';
import type { Principal } from '../../auth/principal';
import { toWorkspaceView } from '../workspace-view';
import { workspaceNotFound } from '../workspace-id.pipe';
import { AnyKey } from '../../auth/any-key.decorator';
import { ApiErrors } from '../../errors/api-errors.decorator';
import { WorkspaceViewDto } from '../workspace.response.dto';
import { AdminController } from '../../http/admin-controller.decorator';

@AdminController('workspaces', 'v1/workspace')
export class GetWorkspaceHttpController {
  constructor(private readonly workspaces: WorkspaceQueries) {}

  /** Any valid key may learn its own workspace's plan and entitlements: clients gate features on them. */
  @Get()
  @AnyKey()
  @ApiOkResponse({ type: WorkspaceViewDto, description: "the caller's workspace, its settings and entitlements" })
  @ApiErrors(ErrorCodes.workspaceNotFound)
  async get(@CurrentPrincipal() principal: Principal): Promise<WorkspaceView> {
    const record = await this.workspaces.get(principal.workspaceId);
    if (!record) throw workspaceNotFound();
    return toWorkspaceView(record);
  }
}
