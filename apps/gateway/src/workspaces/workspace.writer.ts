import { Injectable } from '@nestjs/common';
import type { Response } from 'express';
import { Subjects, type CommandContext, type UpdateWorkspaceRequest, type WorkspaceView } from '@keyward/contracts';
import { WorkspaceStateQueries } from '@keyward/read-models';
import { CommandClient } from '../commands/command.client';
import { ReadBackWriter } from '../commands/read-back.writer';
import { workspaceNotFound } from './workspace-id.pipe';
import type { UpdateWorkspaceRequestDto } from './update-workspace/update-workspace.request.dto';
import { toWorkspaceView } from './workspace-view';

/** One path for a workspace change, whether the workspace is the caller's own or the operator's pick; it answers `WorkspaceView`. */
@Injectable()
export class WorkspaceWriter extends ReadBackWriter<typeof Subjects.workspaceCommand.update, WorkspaceView> {
  constructor(commands: CommandClient, workspaces: WorkspaceStateQueries) {
    super(commands, {
      read: async (request) => {
        const record = await workspaces.get(request.workspaceId);
        return record && toWorkspaceView(record);
      },
      gone: workspaceNotFound,
    });
  }

  update(workspaceId: string, body: UpdateWorkspaceRequestDto, context: CommandContext, response: Response): Promise<WorkspaceView> {
    const request: UpdateWorkspaceRequest = {
      context,
      workspaceId,
      ...(body.plan !== undefined ? { plan: body.plan } : {}),
      ...(body.settings !== undefined ? { settings: body.settings } : {}),
    };
    return this.write(Subjects.workspaceCommand.update, request, response);
  }
}
