import { Body, Param, Patch, Res } from '@nestjs/common';
import { ApiConflictResponse, ApiOkResponse } from '@nestjs/swagger';
import type { Response } from 'express';
import { ErrorCodes, Subjects, type CommandContext, type KeyView } from '@keyward/contracts';
import { RequirePermission } from '../../auth/require-permission.decorator';
import { ApiErrors } from '../../errors/api-errors.decorator';
import { AdminController } from '../../http/admin-controller.decorator';
import { CommandCtx } from '../../http/command-context.decorator';
import { KeyAccessWriter } from '../key-access.writer';
import { KeyIdPipe } from '../key-id.pipe';
import { KeyViewDto } from '../key.response.dto';
import { UpdateKeyRequestDto } from './update-key.request.dto';

@AdminController('keys', 'v1/keys')
export class UpdateKeyHttpController {
  constructor(private readonly writer: KeyAccessWriter) {}

  /** Renames, changes or clears expiry, rate limit and IP allowlist; every verifier applies it before this answers. */
  @Patch(':id')
  @RequirePermission('api_keys:write')
  @ApiOkResponse({ type: KeyViewDto, description: 'the key as its history now shows it' })
  @ApiConflictResponse({ description: 'KEY_REVOKED: a revoked key cannot be edited' })
  @ApiErrors(ErrorCodes.keyNotFound, ErrorCodes.keyRevoked)
  async update(
    @Param('id', KeyIdPipe) keyId: string,
    @Body() body: UpdateKeyRequestDto,
    @CommandCtx() context: CommandContext,
    @Res({ passthrough: true }) response: Response,
  ): Promise<KeyView> {
    return this.writer.write(Subjects.keyCommand.update, { context, keyId, ...body }, response);
  }
}
