import { Controller } from '@nestjs/common';
import { Subjects, type CommandReplyOf, type CreateWorkspaceRequest, type UpdateWorkspaceRequest } from '@keyward/contracts';
import { CommandEndpoint } from '../commands/command-endpoint.decorator';
import { CreateWorkspaceHandler } from './create-workspace/create-workspace.handler';
import { UpdateWorkspaceHandler } from './update-workspace/update-workspace.handler';
import { parseCreateWorkspace, parseUpdateWorkspace } from './workspace-payload';

const S = Subjects.workspaceCommand;

@Controller()
export class WorkspacesMessageController {
  constructor(
    private readonly createWorkspace: CreateWorkspaceHandler,
    private readonly updateWorkspace: UpdateWorkspaceHandler,
  ) {}

  @CommandEndpoint(S.create, parseCreateWorkspace)
  create(request: CreateWorkspaceRequest): Promise<CommandReplyOf<typeof S.create>> {
    return this.createWorkspace.execute(request);
  }

  @CommandEndpoint(S.update, parseUpdateWorkspace)
  update(request: UpdateWorkspaceRequest): Promise<CommandReplyOf<typeof S.update>> {
    return this.updateWorkspace.execute(request);
  }
}
