import { Body, Inject, Param, Patch, Res } from '@nestjs/common';
import { ApiOkResponse } from '@nestjs/swagger';
import type { Response } from 'express';
import { ErrorCodes, Subjects, type CommandContext, type UpdateWebhookRequest, type WebhookView } from '@keyward/contracts';
import type { OutboundPolicy } from '@keyward/outbound';
import { OUTBOUND_POLICY } from '../credentials/send-request/outbound-policy.provider';
import { RequirePermission } from '../auth/require-permission.decorator';
import { ApiErrors } from '../errors/api-errors.decorator';
import { AdminController } from '../http/admin-controller.decorator';
import { CommandCtx } from '../http/command-context.decorator';
import { WebhookIdPipe } from './webhook-id.pipe';
import { UpdateWebhookRequestDto } from './webhook.request.dto';
import { WebhookViewDto } from './webhook.response.dto';
import { refuseUnsendableScheme } from './webhook-url.policy';
import { WebhookWriter } from './webhook.writer';

@AdminController('webhooks', 'v1/webhooks')
export class UpdateWebhookHttpController {
  constructor(
    private readonly writer: WebhookWriter,
    @Inject(OUTBOUND_POLICY) private readonly policy: OutboundPolicy,
  ) {}

  @Patch(':id')
  @RequirePermission('webhooks:write')
  @ApiOkResponse({ type: WebhookViewDto, description: 'the endpoint' })
  @ApiErrors(ErrorCodes.webhookNotFound)
  async update(
    @Param('id', WebhookIdPipe) webhookId: string,
    @Body() body: UpdateWebhookRequestDto,
    @CommandCtx() context: CommandContext,
    @Res({ passthrough: true }) response: Response,
  ): Promise<WebhookView> {
    refuseUnsendableScheme(body.url, this.policy);
    const request: UpdateWebhookRequest = {
      context,
      webhookId,
      ...(body.url !== undefined ? { url: body.url } : {}),
      ...(body.events !== undefined ? { events: body.events } : {}),
      ...(body.description !== undefined ? { description: body.description } : {}),
      ...(body.enabled !== undefined ? { enabled: body.enabled } : {}),
    };
    return this.writer.write(Subjects.webhookCommand.update, request, response);
  }
}
