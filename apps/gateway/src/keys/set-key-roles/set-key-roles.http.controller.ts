import { Body, Param, Put, Res } from '@nestjs/common';
import type { Response } from 'express';
import { Subjects, type CommandContext, type KeyView, ErrorCodes } from '@keyward/contracts';
import { CommandCtx } from '../../http/command-context.decorator';
import { KeyAccessRoute } from '../key-access-route.decorator';
import { KeyEditWriter } from '../key-edit.writer';
import { KeyIdPipe } from '../key-id.pipe';
import { SetKeyRolesRequestDto } from './set-key-roles.request.dto';
import { AdminController } from '../../http/admin-controller.decorator';

@AdminController('keys', 'v1/keys')
export class SetKeyRolesHttpController {
  constructor(private readonly writer: KeyEditWriter) {}

  /** Replaces the key's roles; it may not end up with more than the caller holds. */
  @Put(':id/roles')
  @KeyAccessRoute(ErrorCodes.keyNotFound, ErrorCodes.roleNotFound, ErrorCodes.keyRevoked, ErrorCodes.conflict)
  async setRoles(
    @Param('id', KeyIdPipe) keyId: string,
    @Body() body: SetKeyRolesRequestDto,
    @CommandCtx() context: CommandContext,
    @Res({ passthrough: true }) response: Response,
  ): Promise<KeyView> {
    return this.writer.write(Subjects.keyCommand.setRoles, { context, keyId, roles: body.roles }, response);
  }
}
