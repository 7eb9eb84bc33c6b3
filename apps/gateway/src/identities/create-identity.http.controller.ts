import { Body, HttpCode, Post, Res } from '@nestjs/common';
import { ApiCreatedResponse } from '@nestjs/swagger';
import type { Response } from 'express';
import { ErrorCodes, Subjects, type CommandContext, type CreateIdentityRequest, type IdentityView } from '@keyward/contracts';
import { RequirePermission } from '../auth/require-permission.decorator';
import { ApiErrors } from '../errors/api-errors.decorator';
import { AdminController } from '../http/admin-controller.decorator';
import { CommandCtx } from '../http/command-context.decorator';
import { CreateIdentityRequestDto } from './identity.request.dto';
import { IdentityViewDto } from './identity.response.dto';
import { IdentityWriter } from './identity.writer';

@AdminController('identities', 'v1/identities')
export class CreateIdentityHttpController {
  constructor(private readonly writer: IdentityWriter) {}

  @Post()
  @HttpCode(201)
  @RequirePermission('api_keys:write')
  @ApiCreatedResponse({ type: IdentityViewDto, description: 'the identity' })
  @ApiErrors(ErrorCodes.conflict)
  async create(@Body() body: CreateIdentityRequestDto, @CommandCtx() context: CommandContext, @Res({ passthrough: true }) response: Response): Promise<IdentityView> {
    const request: CreateIdentityRequest = {
      context,
      externalId: body.externalId,
      ...(body.meta !== undefined ? { meta: body.meta } : {}),
      ...(body.ratelimits !== undefined ? { ratelimits: body.ratelimits } : {}),
      ...(body.credits !== undefined ? { credits: body.credits } : {}),
    };
    return this.writer.write(Subjects.identityCommand.create, request, response);
  }
}
