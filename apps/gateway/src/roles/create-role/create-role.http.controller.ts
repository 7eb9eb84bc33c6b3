import { Body, HttpCode, Post, Res } from '@nestjs/common';
import { ApiCreatedResponse } from '@nestjs/swagger';
import type { Response } from 'express';
import { Subjects, type CommandContext, type CreateRoleRequest, type RoleView } from '@keyward/contracts';
import { RequirePermission } from '../../auth/require-permission.decorator';
import { CommandCtx } from '../../http/command-context.decorator';
import { RoleWriter } from '../role.writer';
import { CreateRoleRequestDto } from './create-role.request.dto';
import { RoleViewDto } from '../role.response.dto';
import { AdminController } from '../../http/admin-controller.decorator';

@AdminController('roles', 'v1/roles')
export class CreateRoleHttpController {
  constructor(private readonly writer: RoleWriter) {}

  /** A role may not hold more than its creator: keys given it would escalate. */
  @Post()
  @HttpCode(201)
  @RequirePermission('roles:write')
  @ApiCreatedResponse({ type: RoleViewDto, description: 'the role' })
  async create(@Body() body: CreateRoleRequestDto, @CommandCtx() context: CommandContext, @Res({ passthrough: true }) response: Response): Promise<RoleView> {
    const request: CreateRoleRequest = { context, name: body.name, permissions: body.permissions, ...(body.description !== undefined ? { description: body.description } : {}) };
    return this.writer.write(Subjects.roleCommand.create, request, response);
  }
}
