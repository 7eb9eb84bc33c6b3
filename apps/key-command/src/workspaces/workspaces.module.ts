import { Module } from '@nestjs/common';
import { CommandsModule } from '../commands/commands.module';
import { KeysModule } from '../keys/keys.module';
import { CreateWorkspaceHandler } from './create-workspace/create-workspace.handler';
import { UpdateWorkspaceHandler } from './update-workspace/update-workspace.handler';
import { WorkspacesMessageController } from './workspaces.message.controller';

@Module({
  imports: [CommandsModule, KeysModule],
  controllers: [WorkspacesMessageController],
  providers: [CreateWorkspaceHandler, UpdateWorkspaceHandler],
})
export class WorkspacesModule {}
