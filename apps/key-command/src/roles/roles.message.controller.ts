import { Controller, UseFilters } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { Subjects, type CommandReply, type DeleteRoleResult, type RoleResult } from '@keyward/contracts';
import { CommandExceptionFilter } from '../commands/command-exception.filter';
import { CreateRoleHandler } from './create-role/create-role.handler';
import { DeleteRoleHandler } from './delete-role/delete-role.handler';
import { UpdateRoleHandler } from './update-role/update-role.handler';

@Controller()
@UseFilters(CommandExceptionFilter)
export class RolesMessageController {
  constructor(
    private readonly createRole: CreateRoleHandler,
    private readonly updateRole: UpdateRoleHandler,
    private readonly deleteRole: DeleteRoleHandler,
  ) {}

  @MessagePattern(Subjects.roleCommand.create)
  create(@Payload() payload: unknown): Promise<CommandReply<RoleResult>> {
    return this.createRole.execute(payload);
  }

  @MessagePattern(Subjects.roleCommand.update)
  update(@Payload() payload: unknown): Promise<CommandReply<RoleResult>> {
    return this.updateRole.execute(payload);
  }

  @MessagePattern(Subjects.roleCommand.delete)
  delete(@Payload() payload: unknown): Promise<CommandReply<DeleteRoleResult>> {
    return this.deleteRole.execute(payload);
  }
}
