import { Module } from '@nestjs/common';
import { CommandsModule } from '../commands/commands.module';
import { CreateRoleHttpController } from './create-role/create-role.http.controller';
import { DeleteRoleHttpController } from './delete-role/delete-role.http.controller';
import { GetRoleHttpController } from './get-role/get-role.http.controller';
import { ListRolesHttpController } from './list-roles/list-roles.http.controller';
import { UpdateRoleHttpController } from './update-role/update-role.http.controller';

/** Reads come from the role table; writes go to key-command. */
@Module({
  imports: [CommandsModule],
  controllers: [ListRolesHttpController, GetRoleHttpController, CreateRoleHttpController, UpdateRoleHttpController, DeleteRoleHttpController],
})
export class RolesModule {}
