import { Get } from '@nestjs/common';
import { ApiOkResponse } from '@nestjs/swagger';
import type { WebhookView } from '@keyward/contracts';
import { WebhookQueries } from '@keyward/read-models';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import type { Principal } from '../auth/principal';
import { RequirePermission } from '../auth/require-permission.decorator';
import { AdminController } from '../http/admin-controller.decorator';
import { WebhookListDto } from './webhook.response.dto';

@AdminController('webhooks', 'v1/webhooks')
export class ListWebhooksHttpController {
  constructor(private readonly webhooks: WebhookQueries) {}

  @Get()
  @RequirePermission('webhooks:read')
  @ApiOkResponse({ type: WebhookListDto, description: 'the workspace\'s endpoints in order of creation' })
  async list(@CurrentPrincipal() principal: Principal): Promise<{ items: WebhookView[] }> {
    return { items: await this.webhooks.list(principal.workspaceId) };
  }
}
