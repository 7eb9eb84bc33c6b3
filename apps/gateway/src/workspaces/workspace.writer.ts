import { Injectable } from '@nestjs/common';
import type { Response } from 'express';
import { Subjects, type CommandContext, type UpdateWorkspaceRequest, type WorkspaceResult, type WorkspaceView } from '@keyward/contracts';
import { WorkspaceQueries } from '@keyward/read-models';
import { CommandClient } from '../commands/command.client';
import { answerWritten } from '../http/consistency.header';
import type { UpdateWorkspaceRequestDto } from './update-workspace/update-workspace.request.dto';
import { toWorkspaceView } from './workspace-view';

/** One path for a workspace change, whether the workspace is the caller's own or the operator's pick. */
@Injectable()
export class WorkspaceWriter {
  constructor(
    private readonly commands: CommandClient,
    private readonly workspaces: WorkspaceQueries,
  ) {}

  async update(workspaceId: string, body: UpdateWorkspaceRequestDto, context: CommandContext, response: Response): Promise<WorkspaceView | WorkspaceResult> {
    const request: UpdateWorkspaceRequest = {
      context,
      workspaceId,
      ...(body.plan !== undefined ? { plan: body.plan } : {}),
      ...(body.settings !== undefined ? { settings: body.settings } : {}),
    };
    const written = await this.commands.sendThenRead(Subjects.workspaceCommand.update, request, async () => {
      const record = await this.workspaces.get(workspaceId);
      return record && toWorkspaceView(record);
    });
    return answerWritten(response, written);
  }
}
