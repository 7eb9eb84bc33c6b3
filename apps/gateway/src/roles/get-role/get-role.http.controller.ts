import { Get, Param } from '@nestjs/common';
import { ApiOkResponse } from '@nestjs/swagger';
import { ErrorCodes, type RoleView } from '@keyward/contracts';
import { RoleQueries } from '@keyward/read-models';
import { CurrentPrincipal } from '../../auth/current-principal.decorator';
import type { Principal } from '../../auth/principal';
import { RequirePermission } from '../../auth/require-permission.decorator';
import { RoleIdPipe, roleNotFound } from '../role-id.pipe';
import { ApiErrors } from '../../errors/api-errors.decorator';
import { RoleViewDto } from '../role.response.dto';
import { AdminController } from '../../http/admin-controller.decorator';

@AdminController('roles', 'v1/roles')
export class GetRoleHttpController {
  constructor(private readonly roles: RoleQueries) {}

  /** A role of another workspace is as unknown as one that never existed. */
  @Get(':id')
  @RequirePermission('roles:read')
  @ApiOkResponse({ type: RoleViewDto, description: 'the role' })
  @ApiErrors(ErrorCodes.roleNotFound)
  async get(@Param('id', RoleIdPipe) roleId: string, @CurrentPrincipal() principal: Principal): Promise<RoleView> {
    const role = await this.roles.get(principal.workspaceId, roleId);
    if (!role) throw roleNotFound();
    return role;
  }
}
