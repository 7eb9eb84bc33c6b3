import { Get } from '@nestjs/common';
import { ApiOkResponse } from '@nestjs/swagger';
import type { WorkspaceView } from '@keyward/contracts';
import { WorkspaceQueries } from '@keyward/read-models';
import { RootOnly } from '../../auth/root-only.decorator';
import { toWorkspaceView } from '../workspace-view';
import { WorkspaceListDto } from '../workspace-list.response.dto';
import { AdminController } from '../../http/admin-controller.decorator';

@AdminController('workspaces', 'v1/workspaces')
export class ListWorkspacesHttpController {
  constructor(private readonly workspaces: WorkspaceQueries) {}

  /** Every tenant of this install: `default` first, then by creation. */
  @Get()
  @RootOnly()
  @ApiOkResponse({ type: WorkspaceListDto, description: '`default` first, then by creation' })
  async list(): Promise<{ items: WorkspaceView[] }> {
    return { items: (await this.workspaces.list()).map(toWorkspaceView) };
  }
}
