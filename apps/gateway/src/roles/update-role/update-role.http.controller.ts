import { Body, Param, Patch, Res } from '@nestjs/common';
import { ApiConflictResponse, ApiOkResponse } from '@nestjs/swagger';
import type { Response } from 'express';
import { Subjects, type CommandContext, type RoleView, type UpdateRoleRequest, ErrorCodes } from '@keyward/contracts';
import { RequirePermission } from '../../auth/require-permission.decorator';
import { CommandCtx } from '../../http/command-context.decorator';
import { RoleIdPipe } from '../role-id.pipe';
import { RoleWriter } from '../role.writer';
import { UpdateRoleRequestDto } from './update-role.request.dto';
import { ApiErrors } from '../../errors/api-errors.decorator';
import { RoleViewDto } from '../role.response.dto';
import { AdminController } from '../../http/admin-controller.decorator';

@AdminController('roles', 'v1/roles')
export class UpdateRoleHttpController {
  constructor(private readonly writer: RoleWriter) {}

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
  ): Promise<RoleView> {
    const request: UpdateRoleRequest = {
      context,
      roleId,
      ...(body.name !== undefined ? { name: body.name } : {}),
      ...(body.description !== undefined ? { description: body.description } : {}),
      ...(body.permissions !== undefined ? { permissions: body.permissions } : {}),
    };
    return this.writer.write(Subjects.roleCommand.update, request, response);
  }
}
