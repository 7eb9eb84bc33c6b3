import { Body, Controller, HttpCode, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Subjects, type CommandContext, type CreateRoleRequest, type RoleResult, type RoleView } from '@keyward/contracts';
import { RoleQueries } from '@keyward/read-models';
import { RequirePermission } from '../../auth/require-permission.decorator';
import { CommandClient } from '../../commands/command.client';
import { CommandCtx } from '../../http/command-context.decorator';
import { answerWritten } from '../../http/consistency.header';
import { CreateRoleRequestDto } from './create-role.request.dto';
import { RoleViewDto } from '../role.response.dto';

@ApiTags('roles')
@ApiBearerAuth()
@Controller('v1/roles')
export class CreateRoleHttpController {
  constructor(
    private readonly commands: CommandClient,
    private readonly roles: RoleQueries,
  ) {}

  /** A role may not hold more than its creator: keys given it would escalate. */
  @Post()
  @HttpCode(201)
  @RequirePermission('roles:write')
  @ApiCreatedResponse({ type: RoleViewDto, description: 'the role' })
  async create(@Body() body: CreateRoleRequestDto, @CommandCtx() context: CommandContext, @Res({ passthrough: true }) response: Response): Promise<RoleView | RoleResult> {
    const request: CreateRoleRequest = { context, name: body.name, permissions: body.permissions, ...(body.description !== undefined ? { description: body.description } : {}) };
    const written = await this.commands.sendThenRead<CreateRoleRequest, RoleResult, RoleView>(Subjects.roleCommand.create, request, (role) =>
      this.roles.get(context.workspaceId, role.id),
    );
    return answerWritten(response, written);
  }
}
