import { Module } from '@nestjs/common';
import type { EventStore } from '@keyward/event-store';
import { EVENT_STORE } from '@keyward/platform';
import { WorkspaceStateQueries } from '@keyward/read-models';
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
  providers: [WorkspaceWriter, { provide: WorkspaceStateQueries, inject: [EVENT_STORE], useFactory: (store: EventStore) => new WorkspaceStateQueries(store) }],
  controllers: [GetWorkspaceHttpController, UpdateOwnWorkspaceHttpController, CreateWorkspaceHttpController, ListWorkspacesHttpController, UpdateWorkspaceHttpController],
})
export class WorkspacesModule {}
