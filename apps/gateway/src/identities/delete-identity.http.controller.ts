import { Param, Res } from '@nestjs/common';
import type { Response } from 'express';
import { ErrorCodes, Subjects, type CommandContext } from '@keyward/contracts';
import { IdentityQueries } from '@keyward/read-models';
import { CommandClient } from '../commands/command.client';
import { ApiError } from '../errors/api-error';
import { ApiErrors } from '../errors/api-errors.decorator';
import { AdminController } from '../http/admin-controller.decorator';
import { CommandCtx } from '../http/command-context.decorator';
import { answerWritten } from '../http/consistency.header';
import { DeleteByIdRoute } from '../http/delete-by-id-route.decorator';
import { IdentityIdPipe } from './identity-id.pipe';

@AdminController('identities', 'v1/identities')
export class DeleteIdentityHttpController {
  constructor(
    private readonly commands: CommandClient,
    private readonly identities: IdentityQueries,
  ) {}

  /**
   * Refused while live keys belong to it (revoke or delete them first), counted in the key table;
   * a key created in the same instant answers DISABLED once its identity is gone (fail closed).
   */
  @DeleteByIdRoute('api_keys:write', ErrorCodes.identityNotFound)
  @ApiErrors(ErrorCodes.conflict)
  async delete(@Param('id', IdentityIdPipe) identityId: string, @CommandCtx() context: CommandContext, @Res({ passthrough: true }) response: Response): Promise<void> {
    const live = (await this.identities.keyCounts(context.workspaceId, [identityId])).get(identityId) ?? 0;
    if (live > 0) throw new ApiError(ErrorCodes.conflict, `${live} live key(s) belong to this identity; revoke or delete them first`);
    answerWritten(response, await this.commands.send(Subjects.identityCommand.delete, { context, identityId }));
  }
}
