import { Body, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiConflictResponse, ApiOkResponse } from '@nestjs/swagger';
import type { Response } from 'express';
import { ErrorCodes, Subjects, type CommandContext, type KeyView } from '@keyward/contracts';
import { RequirePermission } from '../../auth/require-permission.decorator';
import { ApiErrors } from '../../errors/api-errors.decorator';
import { AdminController } from '../../http/admin-controller.decorator';
import { CommandCtx } from '../../http/command-context.decorator';
import { KeyEditWriter } from '../key-edit.writer';
import { KeyIdPipe } from '../key-id.pipe';
import { KeyViewDto } from '../key.response.dto';
import { SetKeyEnabledRequestDto } from './set-key-enabled.request.dto';

/**
 * Reversible, unlike revoke: a disabled key answers DISABLED until it is enabled again. Either
 * answers once every verifier applies it; asking again for the state the key is in changes nothing
 * and answers the same.
 */
@AdminController('keys', 'v1/keys')
export class SetKeyEnabledHttpController {
  constructor(private readonly writer: KeyEditWriter) {}

  @Post(':id/disable')
  @HttpCode(200)
  @RequirePermission('api_keys:write')
  @ApiOkResponse({ type: KeyViewDto, description: 'the key, `enabled: false`: every verifier answers DISABLED for it' })
  @ApiConflictResponse({ description: 'KEY_REVOKED: a revoked key stays revoked' })
  @ApiErrors(ErrorCodes.keyNotFound, ErrorCodes.keyRevoked)
  disable(
    @Param('id', KeyIdPipe) keyId: string,
    // Validated only so that unknown fields are refused.
    @Body() _body: SetKeyEnabledRequestDto,
    @CommandCtx() context: CommandContext,
    @Res({ passthrough: true }) response: Response,
  ): Promise<KeyView> {
    return this.writer.write(Subjects.keyCommand.setEnabled, { context, keyId, enabled: false }, response);
  }

  @Post(':id/enable')
  @HttpCode(200)
  @RequirePermission('api_keys:write')
  @ApiOkResponse({ type: KeyViewDto, description: 'the key, `enabled: true`: verifiers answer for it as before it was disabled' })
  @ApiConflictResponse({ description: 'KEY_REVOKED: a revoked key stays revoked' })
  @ApiErrors(ErrorCodes.keyNotFound, ErrorCodes.keyRevoked)
  enable(
    @Param('id', KeyIdPipe) keyId: string,
    @Body() _body: SetKeyEnabledRequestDto,
    @CommandCtx() context: CommandContext,
    @Res({ passthrough: true }) response: Response,
  ): Promise<KeyView> {
    return this.writer.write(Subjects.keyCommand.setEnabled, { context, keyId, enabled: true }, response);
  }
}
