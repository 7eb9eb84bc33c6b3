import { Body, Param, Patch, Res } from '@nestjs/common';
import { ApiOkResponse } from '@nestjs/swagger';
import type { Response } from 'express';
import { ErrorCodes, type CommandContext, type WorkspaceResult, type WorkspaceView } from '@keyward/contracts';
import { RootOnly } from '../../auth/root-only.decorator';
import { CommandCtx } from '../../http/command-context.decorator';
import { WorkspaceIdPipe } from '../workspace-id.pipe';
import { WorkspaceWriter } from '../workspace.writer';
import { UpdateWorkspaceRequestDto } from './update-workspace.request.dto';
import { ApiErrors } from '../../errors/api-errors.decorator';
import { WorkspaceViewDto } from '../workspace.response.dto';
import { AdminController } from '../../http/admin-controller.decorator';

@AdminController('workspaces', 'v1/workspaces')
export class UpdateWorkspaceHttpController {
  constructor(private readonly writer: WorkspaceWriter) {}

  /** The operator's lever: a plan change takes effect on the very next verify. */
  @Patch(':id')
  @RootOnly()
  @ApiOkResponse({ type: WorkspaceViewDto, description: 'the workspace' })
  @ApiErrors(ErrorCodes.workspaceNotFound)
  async update(
    @Param('id', WorkspaceIdPipe) workspaceId: string,
    @Body() body: UpdateWorkspaceRequestDto,
    @CommandCtx() context: CommandContext,
    @Res({ passthrough: true }) response: Response,
  ): Promise<WorkspaceView | WorkspaceResult> {
    return this.writer.update(workspaceId, body, context, response);
  }
}
