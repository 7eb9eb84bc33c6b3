import { Body, Patch, Res } from '@nestjs/common';
import { ApiForbiddenResponse, ApiOkResponse } from '@nestjs/swagger';
import type { Response } from 'express';
import { ErrorCodes, type CommandContext, type WorkspaceResult, type WorkspaceView } from '@keyward/contracts';
import { RequirePermission } from '../../auth/require-permission.decorator';
import { CommandCtx } from '../../http/command-context.decorator';
import { WorkspaceWriter } from '../workspace.writer';
import { UpdateWorkspaceRequestDto } from './update-workspace.request.dto';
import { ApiErrors } from '../../errors/api-errors.decorator';
import { WorkspaceViewDto } from '../workspace.response.dto';
import { AdminController } from '../../http/admin-controller.decorator';

@AdminController('workspaces', 'v1/workspace')
export class UpdateOwnWorkspaceHttpController {
  constructor(private readonly writer: WorkspaceWriter) {}

  /** Settings shape every key of the workspace, so they take a full-access (admin) key. */
  @Patch()
  @RequirePermission('*:write')
  @ApiOkResponse({ type: WorkspaceViewDto, description: 'the workspace' })
  @ApiErrors(ErrorCodes.workspaceNotFound)
  @ApiForbiddenResponse({ description: 'FORBIDDEN: not an admin key, or a plan change by a key other than the root key' })
  async update(@Body() body: UpdateWorkspaceRequestDto, @CommandCtx() context: CommandContext, @Res({ passthrough: true }) response: Response): Promise<WorkspaceView | WorkspaceResult> {
    return this.writer.update(context.workspaceId, body, context, response);
  }
}
