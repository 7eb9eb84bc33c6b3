import { Controller, UseFilters } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { Subjects, type CommandReply, type CreateWorkspaceAnswer, type WorkspaceResult } from '@keyward/contracts';
import { CommandExceptionFilter } from '../commands/command-exception.filter';
import { CreateWorkspaceHandler } from './create-workspace/create-workspace.handler';
import { UpdateWorkspaceHandler } from './update-workspace/update-workspace.handler';

@Controller()
@UseFilters(CommandExceptionFilter)
export class WorkspacesMessageController {
  constructor(
    private readonly createWorkspace: CreateWorkspaceHandler,
    private readonly updateWorkspace: UpdateWorkspaceHandler,
  ) {}

  @MessagePattern(Subjects.workspaceCommand.create)
  create(@Payload() payload: unknown): Promise<CommandReply<CreateWorkspaceAnswer>> {
    return this.createWorkspace.execute(payload);
  }

  @MessagePattern(Subjects.workspaceCommand.update)
  update(@Payload() payload: unknown): Promise<CommandReply<WorkspaceResult>> {
    return this.updateWorkspace.execute(payload);
  }
}
