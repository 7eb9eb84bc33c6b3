import { Body, Controller, Param, Put, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Subjects, type CommandContext, type KeyView, ErrorCodes } from '@keyward/contracts';
import { RequirePermission } from '../../auth/require-permission.decorator';
import { CommandCtx } from '../../http/command-context.decorator';
import { KeyAccessWriter } from '../key-access.writer';
import { KeyIdPipe } from '../key-id.pipe';
import { SetKeyRolesRequestDto } from './set-key-roles.request.dto';
import { ApiErrors } from '../../errors/api-errors.decorator';
import { KeyViewDto } from '../key.response.dto';

@ApiTags('keys')
@ApiBearerAuth()
@Controller('v1/keys')
export class SetKeyRolesHttpController {
  constructor(private readonly writer: KeyAccessWriter) {}

  /** Replaces the key's roles; it may not end up with more than the caller holds. */
  @Put(':id/roles')
  @RequirePermission('api_keys:write')
  @ApiOkResponse({ type: KeyViewDto, description: 'the key as its history now shows it' })
  @ApiErrors(ErrorCodes.keyNotFound, ErrorCodes.roleNotFound, ErrorCodes.keyRevoked, ErrorCodes.conflict)
  async setRoles(
    @Param('id', KeyIdPipe) keyId: string,
    @Body() body: SetKeyRolesRequestDto,
    @CommandCtx() context: CommandContext,
    @Res({ passthrough: true }) response: Response,
  ): Promise<KeyView> {
    return this.writer.write(Subjects.keyCommand.setRoles, { context, keyId, roles: body.roles }, response);
  }
}
