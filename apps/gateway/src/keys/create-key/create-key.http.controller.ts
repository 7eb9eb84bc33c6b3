import { Body, HttpCode, Post, Res } from '@nestjs/common';
import { ApiCreatedResponse } from '@nestjs/swagger';
import type { Response } from 'express';
import { Subjects, type CommandContext, type CreateKeyAnswer, ErrorCodes } from '@keyward/contracts';
import { AdminController } from '../../http/admin-controller.decorator';
import { RequirePermission } from '../../auth/require-permission.decorator';
import { CommandClient } from '../../commands/command.client';
import { CommandCtx } from '../../http/command-context.decorator';
import { answerWritten } from '../../http/consistency.header';
import { CreateKeyRequestDto } from './create-key.request.dto';
import { ApiErrors } from '../../errors/api-errors.decorator';
import { CreateKeyResultDto } from './create-key.response.dto';

@AdminController('keys', 'v1/keys')
export class CreateKeyHttpController {
  constructor(private readonly commands: CommandClient) {}

  /** The only response that ever holds the new key's secret: never cached. */
  @Post()
  @HttpCode(201)
  @RequirePermission('api_keys:write')
  @ApiCreatedResponse({ type: CreateKeyResultDto, description: 'the key, with its secret `key` shown this once' })
  @ApiErrors(ErrorCodes.roleNotFound, ErrorCodes.identityNotFound)
  async create(@Body() body: CreateKeyRequestDto, @CommandCtx() context: CommandContext, @Res({ passthrough: true }) response: Response): Promise<CreateKeyAnswer> {
    const written = await this.commands.send(Subjects.keyCommand.create, {
      context,
      name: body.name,
      environment: body.environment ?? 'live',
      expiresAt: body.expiresAt ?? null,
      // Named but empty is not absent: it makes a restricted key (product.md section 2).
      ...(body.roles !== undefined ? { roles: body.roles } : {}),
      ...(body.permissions !== undefined ? { permissions: body.permissions } : {}),
      ...(body.unrestricted !== undefined ? { unrestricted: body.unrestricted } : {}),
      ...(body.ratelimit ? { ratelimit: body.ratelimit } : {}),
      ...(body.ipAllowlist ? { ipAllowlist: body.ipAllowlist } : {}),
      ...(body.credits ? { credits: body.credits } : {}),
      ...(body.ratelimits !== undefined ? { ratelimits: body.ratelimits } : {}),
      ...(body.meta !== undefined ? { meta: body.meta } : {}),
      ...(body.identityId !== undefined ? { identityId: body.identityId } : {}),
    });
    return answerWritten(response, written);
  }
}
