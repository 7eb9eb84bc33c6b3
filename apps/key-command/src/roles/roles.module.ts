import { Module } from '@nestjs/common';
import { CommandsModule } from '../commands/commands.module';
import { CreateRoleHandler } from './create-role/create-role.handler';
import { DeleteRoleHandler } from './delete-role/delete-role.handler';
import { RolesMessageController } from './roles.message.controller';
import { UpdateRoleHandler } from './update-role/update-role.handler';

@Module({
  imports: [CommandsModule],
  controllers: [RolesMessageController],
  providers: [CreateRoleHandler, UpdateRoleHandler, DeleteRoleHandler],
})
export class RolesModule {}
