import { Body, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiOkResponse } from '@nestjs/swagger';
import type { Response } from 'express';
import { Subjects, type CommandContext, type RotateKeyAnswer, ErrorCodes } from '@keyward/contracts';
import { RequirePermission } from '../../auth/require-permission.decorator';
import { CommandClient } from '../../commands/command.client';
import { CommandCtx } from '../../http/command-context.decorator';
import { answerWritten } from '../../http/consistency.header';
import { KeyIdPipe } from '../key-id.pipe';
import { RotateKeyRequestDto } from './rotate-key.request.dto';
import { ApiErrors } from '../../errors/api-errors.decorator';
import { RotateKeyResultDto } from './rotate-key.response.dto';
import { AdminController } from '../../http/admin-controller.decorator';

@AdminController('keys', 'v1/keys')
export class RotateKeyHttpController {
  constructor(private readonly commands: CommandClient) {}

  /** Holds the new secret: never cached. */
  @Post(':id/rotate')
  @HttpCode(200)
  @RequirePermission('api_keys:write')
  @ApiOkResponse({ type: RotateKeyResultDto, description: 'the new secret `key` shown this once' })
  @ApiErrors(ErrorCodes.keyNotFound, ErrorCodes.keyRevoked)
  async rotate(
    @Param('id', KeyIdPipe) keyId: string,
    @Body() body: RotateKeyRequestDto,
    @CommandCtx() context: CommandContext,
    @Res({ passthrough: true }) response: Response,
  ): Promise<RotateKeyAnswer> {
    return answerWritten(response, await this.commands.send(Subjects.keyCommand.rotate, { context, keyId, gracePeriodSeconds: body.gracePeriodSeconds ?? 0 }));
  }
}
