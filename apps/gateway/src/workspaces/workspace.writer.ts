import { Injectable } from '@nestjs/common';
import type { Response } from 'express';
import { Subjects, type CommandContext, type UpdateWorkspaceRequest, type WorkspaceView } from '@keyward/contracts';
import { WorkspaceStateQueries } from '@keyward/read-models';
import { CommandClient } from '../commands/command.client';
import { answerWritten } from '../http/consistency.header';
import { workspaceNotFound } from './workspace-id.pipe';
import type { UpdateWorkspaceRequestDto } from './update-workspace/update-workspace.request.dto';
import { toWorkspaceView } from './workspace-view';

/** One path for a workspace change, whether the workspace is the caller's own or the operator's pick; it answers `WorkspaceView`. */
@Injectable()
export class WorkspaceWriter {
  constructor(
    private readonly commands: CommandClient,
    private readonly workspaces: WorkspaceStateQueries,
  ) {}

  async update(workspaceId: string, body: UpdateWorkspaceRequestDto, context: CommandContext, response: Response): Promise<WorkspaceView> {
    const request: UpdateWorkspaceRequest = {
      context,
      workspaceId,
      ...(body.plan !== undefined ? { plan: body.plan } : {}),
      ...(body.settings !== undefined ? { settings: body.settings } : {}),
    };
    const written = await this.commands.send(Subjects.workspaceCommand.update, request);
    // From the workspace's own history: the same view whether or not the projector caught up.
    const record = await this.workspaces.get(workspaceId);
    if (!record) throw workspaceNotFound();
    return answerWritten(response, { result: toWorkspaceView(record), consistent: written.consistent });
  }
}
