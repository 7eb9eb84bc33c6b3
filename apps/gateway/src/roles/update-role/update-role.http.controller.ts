import { Body, Controller, Param, Patch, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { ErrorCodes, Subjects, type CommandContext, type RoleResult, type RoleView, type UpdateRoleRequest } from '@keyward/contracts';
import { RoleQueries } from '@keyward/read-models';
import { RequirePermission } from '../../auth/require-permission.decorator';
import { CommandClient } from '../../commands/command.client';
import { CommandCtx } from '../../http/command-context.decorator';
import { answerWritten } from '../../http/consistency.header';
import { RoleIdPipe } from '../role-id.pipe';
import { UpdateRoleRequestDto } from './update-role.request.dto';
import { ApiErrors } from '../../errors/api-errors.decorator';
import { RoleViewDto } from '../role.response.dto';

@ApiTags('roles')
@ApiBearerAuth()
@Controller('v1/roles')
export class UpdateRoleHttpController {
  constructor(
    private readonly commands: CommandClient,
    private readonly roles: RoleQueries,
  ) {}

  /** Every key holding the role changes with it, in every verifier, before this answers. */
  @Patch(':id')
  @RequirePermission('roles:write')
  @ApiOkResponse({ type: RoleViewDto, description: 'the role' })
  @ApiConflictResponse({ description: 'CONFLICT for a built-in role' })
  @ApiErrors(ErrorCodes.roleNotFound, ErrorCodes.conflict)
  async update(
    @Param('id', RoleIdPipe) roleId: string,
    @Body() body: UpdateRoleRequestDto,
    @CommandCtx() context: CommandContext,
    @Res({ passthrough: true }) response: Response,
  ): Promise<RoleView | RoleResult> {
    const request: UpdateRoleRequest = {
      context,
      roleId,
      ...(body.name !== undefined ? { name: body.name } : {}),
      ...(body.description !== undefined ? { description: body.description } : {}),
      ...(body.permissions !== undefined ? { permissions: body.permissions } : {}),
    };
    const written = await this.commands.sendThenRead<UpdateRoleRequest, RoleResult, RoleView>(Subjects.roleCommand.update, request, () =>
      this.roles.get(context.workspaceId, roleId),
    );
    return answerWritten(response, written);
  }
}
