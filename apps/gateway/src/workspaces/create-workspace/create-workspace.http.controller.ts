import { Body, HttpCode, Post, Res } from '@nestjs/common';
import { ApiCreatedResponse } from '@nestjs/swagger';
import type { Response } from 'express';
import { Subjects, type CommandContext, type CreateWorkspaceRequest, type CreateWorkspaceAnswer } from '@keyward/contracts';
import { RootOnly } from '../../auth/root-only.decorator';
import { CommandClient } from '../../commands/command.client';
import { CommandCtx } from '../../http/command-context.decorator';
import { answerWritten } from '../../http/consistency.header';
import { CreateWorkspaceRequestDto } from './create-workspace.request.dto';
import { CreateWorkspaceResultDto } from './create-workspace.response.dto';
import { AdminController } from '../../http/admin-controller.decorator';

@AdminController('workspaces', 'v1/workspaces')
export class CreateWorkspaceHttpController {
  constructor(private readonly commands: CommandClient) {}

  /** The only response that ever holds the first admin key's secret: never cached. */
  @Post()
  @HttpCode(201)
  @RootOnly()
  @ApiCreatedResponse({ type: CreateWorkspaceResultDto, description: 'the workspace and its first admin key, adminKey shown this once' })
  async create(@Body() body: CreateWorkspaceRequestDto, @CommandCtx() context: CommandContext, @Res({ passthrough: true }) response: Response): Promise<CreateWorkspaceAnswer> {
    const request: CreateWorkspaceRequest = { context, name: body.name, ...(body.plan !== undefined ? { plan: body.plan } : {}) };
    return answerWritten(response, await this.commands.send(Subjects.workspaceCommand.create, request));
  }
}
