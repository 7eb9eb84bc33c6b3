import { Param, Res } from '@nestjs/common';
import type { Response } from 'express';
import { Subjects, type CommandContext, ErrorCodes } from '@keyward/contracts';
import { CommandClient } from '../../commands/command.client';
import { CommandCtx } from '../../http/command-context.decorator';
import { answerWritten } from '../../http/consistency.header';
import { RoleIdPipe } from '../role-id.pipe';
import { AdminController } from '../../http/admin-controller.decorator';
import { DeleteByIdRoute } from '../../http/delete-by-id-route.decorator';

@AdminController('roles', 'v1/roles')
export class DeleteRoleHttpController {
  constructor(private readonly commands: CommandClient) {}

  /** Keys holding the role lose what it gave them, in every verifier, before this answers. */
  @DeleteByIdRoute('roles:write', ErrorCodes.roleNotFound)
  async delete(@Param('id', RoleIdPipe) roleId: string, @CommandCtx() context: CommandContext, @Res({ passthrough: true }) response: Response): Promise<void> {
    answerWritten(response, await this.commands.send(Subjects.roleCommand.delete, { context, roleId }));
  }
}
