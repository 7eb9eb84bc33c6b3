import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { RoleView } from '@keyward/contracts';
import { RoleQueries } from '@keyward/read-models';
import { CurrentPrincipal } from '../../auth/current-principal.decorator';
import type { Principal } from '../../auth/principal';
import { RequirePermission } from '../../auth/require-permission.decorator';
import { RoleIdPipe, roleNotFound } from '../role-id.pipe';

@ApiTags('roles')
@ApiBearerAuth()
@Controller('v1/roles')
export class GetRoleHttpController {
  constructor(private readonly roles: RoleQueries) {}

  /** A role of another workspace is as unknown as one that never existed. */
  @Get(':id')
  @RequirePermission('roles:read')
  @ApiOkResponse({ description: 'the role' })
  @ApiNotFoundResponse({ description: 'ROLE_NOT_FOUND' })
  async get(@Param('id', RoleIdPipe) roleId: string, @CurrentPrincipal() principal: Principal): Promise<RoleView> {
    const role = await this.roles.get(principal.workspaceId, roleId);
    if (!role) throw roleNotFound();
    return role;
  }
}
