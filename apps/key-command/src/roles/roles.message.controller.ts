import { Controller } from '@nestjs/common';
import { Subjects, type CommandReplyOf, type CreateRoleRequest, type DeleteRoleRequest, type UpdateRoleRequest } from '@keyward/contracts';
import { CommandEndpoint } from '../commands/command-endpoint.decorator';
import { CreateRoleHandler } from './create-role/create-role.handler';
import { DeleteRoleHandler } from './delete-role/delete-role.handler';
import { parseCreateRole, parseDeleteRole, parseUpdateRole } from './role-payload';
import { UpdateRoleHandler } from './update-role/update-role.handler';

const S = Subjects.roleCommand;

@Controller()
export class RolesMessageController {
  constructor(
    private readonly createRole: CreateRoleHandler,
    private readonly updateRole: UpdateRoleHandler,
    private readonly deleteRole: DeleteRoleHandler,
  ) {}

  @CommandEndpoint(S.create, parseCreateRole)
  create(request: CreateRoleRequest): Promise<CommandReplyOf<typeof S.create>> {
    return this.createRole.execute(request);
  }

  @CommandEndpoint(S.update, parseUpdateRole)
  update(request: UpdateRoleRequest): Promise<CommandReplyOf<typeof S.update>> {
    return this.updateRole.execute(request);
  }

  @CommandEndpoint(S.delete, parseDeleteRole)
  delete(request: DeleteRoleRequest): Promise<CommandReplyOf<typeof S.delete>> {
    return this.deleteRole.execute(request);
  }
}
