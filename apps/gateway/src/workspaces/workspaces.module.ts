import { Module } from '@nestjs/common';
import { CommandsModule } from '../commands/commands.module';
import { CreateWorkspaceHttpController } from './create-workspace/create-workspace.http.controller';
import { GetWorkspaceHttpController } from './get-workspace/get-workspace.http.controller';
import { ListWorkspacesHttpController } from './list-workspaces/list-workspaces.http.controller';
import { UpdateOwnWorkspaceHttpController } from './update-workspace/update-own-workspace.http.controller';
import { UpdateWorkspaceHttpController } from './update-workspace/update-workspace.http.controller';
import { WorkspaceWriter } from './workspace.writer';

/** `/v1/workspace` is the caller's own; `/v1/workspaces` is the operator's (root key) view of all. */
@Module({
  imports: [CommandsModule],
  providers: [WorkspaceWriter],
  controllers: [GetWorkspaceHttpController, UpdateOwnWorkspaceHttpController, CreateWorkspaceHttpController, ListWorkspacesHttpController, UpdateWorkspaceHttpController],
})
export class WorkspacesModule {}
