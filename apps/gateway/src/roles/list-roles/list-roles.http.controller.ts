import { Get } from '@nestjs/common';
import { ApiOkResponse } from '@nestjs/swagger';
import type { RoleView } from '@keyward/contracts';
import { RoleQueries } from '@keyward/read-models';
import { CurrentPrincipal } from '../../auth/current-principal.decorator';
import type { Principal } from '../../auth/principal';
import { RequirePermission } from '../../auth/require-permission.decorator';
import { RoleListDto } from '../role-list.response.dto';
import { AdminController } from '../../http/admin-controller.decorator';

@AdminController('roles', 'v1/roles')
export class ListRolesHttpController {
  constructor(private readonly roles: RoleQueries) {}

  /** Built-in roles first, then the workspace's own; a workspace has few, so no pages. */
  @Get()
  @RequirePermission('roles:read')
  @ApiOkResponse({ type: RoleListDto, description: 'built-in roles first' })
  async list(@CurrentPrincipal() principal: Principal): Promise<{ items: RoleView[] }> {
    return { items: await this.roles.list(principal.workspaceId) };
  }
}
