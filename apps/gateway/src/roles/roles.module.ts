import { Module } from '@nestjs/common';
import type { EventStore } from '@keyward/event-store';
import { EVENT_STORE } from '@keyward/platform';
import { RoleStateQueries } from '@keyward/read-models';
import { CommandsModule } from '../commands/commands.module';
import { CreateRoleHttpController } from './create-role/create-role.http.controller';
import { DeleteRoleHttpController } from './delete-role/delete-role.http.controller';
import { GetRoleHttpController } from './get-role/get-role.http.controller';
import { ListRolesHttpController } from './list-roles/list-roles.http.controller';
import { RoleWriter } from './role.writer';
import { UpdateRoleHttpController } from './update-role/update-role.http.controller';

/** Reads come from the role table; writes go to key-command and answer the role from its own history. */
@Module({
  imports: [CommandsModule],
  providers: [RoleWriter, { provide: RoleStateQueries, inject: [EVENT_STORE], useFactory: (store: EventStore) => new RoleStateQueries(store) }],
  controllers: [ListRolesHttpController, GetRoleHttpController, CreateRoleHttpController, UpdateRoleHttpController, DeleteRoleHttpController],
})
export class RolesModule {}
