import { Get, Param } from '@nestjs/common';
import { ApiOkResponse } from '@nestjs/swagger';
import { ErrorCodes, type WebhookView } from '@keyward/contracts';
import { WebhookQueries } from '@keyward/read-models';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import type { Principal } from '../auth/principal';
import { RequirePermission } from '../auth/require-permission.decorator';
import { ApiErrors } from '../errors/api-errors.decorator';
import { AdminController } from '../http/admin-controller.decorator';
import { WebhookIdPipe, webhookNotFound } from './webhook-id.pipe';
import { WebhookViewDto } from './webhook.response.dto';

@AdminController('webhooks', 'v1/webhooks')
export class GetWebhookHttpController {
  constructor(private readonly webhooks: WebhookQueries) {}

  /** Another workspace's endpoint is as unknown as one that never existed. */
  @Get(':id')
  @RequirePermission('webhooks:read')
  @ApiOkResponse({ type: WebhookViewDto, description: 'the endpoint, without its secret' })
  @ApiErrors(ErrorCodes.webhookNotFound)
  async get(@Param('id', WebhookIdPipe) webhookId: string, @CurrentPrincipal() principal: Principal): Promise<WebhookView> {
    const webhook = await this.webhooks.get(principal.workspaceId, webhookId);
    if (!webhook) throw webhookNotFound();
    return webhook;
  }
}
