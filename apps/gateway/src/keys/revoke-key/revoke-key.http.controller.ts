import { Body, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiOkResponse } from '@nestjs/swagger';
import type { Response } from 'express';
import { Subjects, type CommandContext, type RevokeKeyResult, ErrorCodes } from '@keyward/contracts';
import { RequirePermission } from '../../auth/require-permission.decorator';
import { CommandClient } from '../../commands/command.client';
import { CommandCtx } from '../../http/command-context.decorator';
import { answerWritten } from '../../http/consistency.header';
import { KeyIdPipe } from '../key-id.pipe';
import { RevokeKeyRequestDto } from './revoke-key.request.dto';
import { ApiErrors } from '../../errors/api-errors.decorator';
import { RevokeKeyResultDto } from './revoke-key.response.dto';
import { AdminController } from '../../http/admin-controller.decorator';

@AdminController('keys', 'v1/keys')
export class RevokeKeyHttpController {
  constructor(private readonly commands: CommandClient) {}

  /** Final. Once this answers, no verifier answers VALID for the key any more. */
  @Post(':id/revoke')
  @HttpCode(200)
  @RequirePermission('api_keys:write')
  @ApiOkResponse({ type: RevokeKeyResultDto, description: 'revoked' })
  @ApiErrors(ErrorCodes.keyNotFound, ErrorCodes.keyRevoked)
  async revoke(
    @Param('id', KeyIdPipe) keyId: string,
    // Validated only so that unknown fields are refused.
    @Body() _body: RevokeKeyRequestDto,
    @CommandCtx() context: CommandContext,
    @Res({ passthrough: true }) response: Response,
  ): Promise<RevokeKeyResult> {
    return answerWritten(response, await this.commands.send(Subjects.keyCommand.revoke, { context, keyId }));
  }
}
