import { Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse } from '@nestjs/swagger';
import { ErrorCodes } from '@keyward/contracts';
import { WebhookQueries } from '@keyward/read-models';
import { DeliveryQueries, isDeliveryCursor, type DeliveryPage } from '@keyward/webhooks';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import type { Principal } from '../auth/principal';
import { RequirePermission } from '../auth/require-permission.decorator';
import { ApiError } from '../errors/api-error';
import { ApiErrors } from '../errors/api-errors.decorator';
import { AdminController } from '../http/admin-controller.decorator';
import { DEFAULT_PAGE_SIZE, PageRequestDto } from '../http/page.request.dto';
import { WebhookIdPipe, webhookNotFound } from './webhook-id.pipe';
import { WebhookDeliveryPageDto } from './webhook.response.dto';

@AdminController('webhooks', 'v1/webhooks')
export class ListDeliveriesHttpController {
  constructor(
    private readonly webhooks: WebhookQueries,
    private readonly deliveries: DeliveryQueries,
  ) {}

  /** Newest first, each with its tries and the answers they got (status, time taken, error). */
  @Get(':id/deliveries')
  @RequirePermission('webhooks:read')
  @ApiOkResponse({ type: WebhookDeliveryPageDto })
  @ApiErrors(ErrorCodes.webhookNotFound)
  async list(@Param('id', WebhookIdPipe) webhookId: string, @Query() query: PageRequestDto, @CurrentPrincipal() principal: Principal): Promise<DeliveryPage> {
    if (query.cursor !== undefined && !isDeliveryCursor(query.cursor)) throw ApiError.invalid([{ field: 'cursor', message: 'cursor must be a cursor this API returned' }]);
    if (!(await this.webhooks.get(principal.workspaceId, webhookId))) throw webhookNotFound();
    return this.deliveries.page(principal.workspaceId, webhookId, query.limit ?? DEFAULT_PAGE_SIZE, query.cursor);
  }
}
