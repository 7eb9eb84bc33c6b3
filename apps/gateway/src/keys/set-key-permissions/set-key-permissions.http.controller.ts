import { Body, Param, Put, Res } from '@nestjs/common';
import { ApiConflictResponse } from '@nestjs/swagger';
import type { Response } from 'express';
import { ErrorCodes, Subjects, type CommandContext, type KeyView, type SetKeyPermissionsRequest } from '@keyward/contracts';
import { CommandCtx } from '../../http/command-context.decorator';
import { KeyAccessRoute } from '../key-access-route.decorator';
import { KeyEditWriter } from '../key-edit.writer';
import { KeyIdPipe } from '../key-id.pipe';
import { SetKeyPermissionsRequestDto } from './set-key-permissions.request.dto';
import { AdminController } from '../../http/admin-controller.decorator';

@AdminController('keys', 'v1/keys')
export class SetKeyPermissionsHttpController {
  constructor(private readonly writer: KeyEditWriter) {}

  /** Replaces the key's direct permissions; it may not end up with more than the caller holds. */
  @Put(':id/permissions')
  @ApiConflictResponse({ description: 'CONFLICT when the workspace makes key permissions immutable: delete and recreate the key' })
  @KeyAccessRoute(ErrorCodes.keyNotFound, ErrorCodes.keyRevoked, ErrorCodes.conflict)
  async setPermissions(
    @Param('id', KeyIdPipe) keyId: string,
    @Body() body: SetKeyPermissionsRequestDto,
    @CommandCtx() context: CommandContext,
    @Res({ passthrough: true }) response: Response,
  ): Promise<KeyView> {
    const request: SetKeyPermissionsRequest = {
      context,
      keyId,
      permissions: body.permissions,
      ...(body.unrestricted !== undefined ? { unrestricted: body.unrestricted } : {}),
    };
    return this.writer.write(Subjects.keyCommand.setPermissions, request, response);
  }
}
